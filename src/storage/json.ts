/**
 * JSON columns are text on both databases. The storage layer writes them only after the
 * domain schema accepted the value, so reading them back trusts the type.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

// The caller names the type it stored; this is the one trusted cast from JSON text.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function fromJsonOrNull(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}
