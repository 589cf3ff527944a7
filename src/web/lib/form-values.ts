/**
 * Form fields hold strings ('' when empty); the API's records leave absent what was not given.
 * This turns what a form holds into the record's shape: trimmed text, blanks and empty
 * groups (an address with nothing in it, a plate row left empty) dropped.
 */
export function withoutBlanks(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? undefined : text;
  }
  if (Array.isArray(value)) {
    const items = value.map(withoutBlanks).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, withoutBlanks(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/** The other way: a record's optional text as a form field's string. */
export function text(value: string | undefined): string {
  return value ?? '';
}
