/**
 * What differs between the version a user was editing and the one someone else saved first
 * (after STALE_VERSION): each field whose value differs, by JSON Pointer, with both values as
 * text, so the user sees what "Save mine over theirs" would overwrite and what "Load the other
 * version" would drop. A blank field and an absent one are the same to a dispatcher.
 */
export interface Difference {
  readonly pointer: string;
  /** '' where the field is blank. */
  readonly mine: string;
  readonly theirs: string;
}

/** At most this many rows: a whole different trip is said in the first of them. */
const MOST = 50;

export function versionDifferences(mine: unknown, theirs: unknown): Difference[] {
  const found: Difference[] = [];
  compare(mine, theirs, '', found);
  return found;
}

function compare(mine: unknown, theirs: unknown, pointer: string, found: Difference[]): void {
  if (found.length >= MOST) return;
  if (isLeaf(mine) && isLeaf(theirs)) {
    const [a, b] = [text(mine), text(theirs)];
    if (a !== b) found.push({ pointer, mine: a, theirs: b });
    return;
  }
  if (Array.isArray(mine) || Array.isArray(theirs)) {
    const [a, b] = [asArray(mine), asArray(theirs)];
    for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
      compare(a[index], b[index], `${pointer}/${String(index)}`, found);
    }
    return;
  }
  const [a, b] = [asRecord(mine), asRecord(theirs)];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    compare(a[key], b[key], `${pointer}/${escape(key)}`, found);
  }
}

/** Scalars, blanks and lists of scalars (seal numbers, marks) are compared as one value. */
function isLeaf(value: unknown): boolean {
  if (value === null || value === undefined || typeof value !== 'object') return true;
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** RFC 6901: `~` and `/` in a key. */
function escape(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
