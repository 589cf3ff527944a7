/** Spells a whole number of minutes the way a dispatcher says it: "1 hour", "1 hour 20 minutes". */
export function spellMinutes(totalMinutes: number): string {
  const minutes = Math.floor(totalMinutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    ...(hours > 0 ? [plural(hours, 'hour')] : []),
    ...(rest > 0 || hours === 0 ? [plural(rest, 'minute')] : []),
  ];
  return parts.join(' ');
}

export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
