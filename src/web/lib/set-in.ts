/**
 * Immutable update of a nested draft by path (`['truck', 'licensePlates', 0, 'number']`),
 * creating objects and lists on the way. An emptied text field removes the value, so a
 * cleared field is "missing" to the rule engine, as in a document without it.
 */
type Key = string | number;

export function setIn<T>(target: T, path: readonly Key[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return (value === '' ? undefined : value) as T;
  const base: unknown = target ?? (typeof head === 'number' ? [] : {});
  const child: unknown = (base as Record<Key, unknown>)[head];
  const next = setIn(child, rest, value);
  if (Array.isArray(base)) {
    const copy: unknown[] = [...(base as unknown[])];
    copy[head as number] = next;
    return copy as T;
  }
  // Fields keep their order (an edited document exports as it was imported).
  const key = String(head);
  const entries = Object.entries(base as Record<string, unknown>);
  const updated = entries
    .map(([name, old]): [string, unknown] => [name, name === key ? next : old])
    .filter(([name, item]) => name !== key || item !== undefined);
  if (next !== undefined && !entries.some(([name]) => name === key)) updated.push([key, next]);
  return Object.fromEntries(updated) as T;
}

/** A list without the item at `index`. */
export function removeAt<T>(list: readonly T[] | undefined, index: number): T[] {
  return (list ?? []).filter((_, position) => position !== index);
}

/** Comma- or space-separated words as a list (seal numbers), `undefined` when none. */
export function wordsOf(text: string): string[] | undefined {
  const words = text
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);
  return words.length === 0 ? undefined : words;
}
