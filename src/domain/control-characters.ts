/**
 * Control characters (Unicode general category Cc: C0, DEL and C1), which no text the service
 * takes may hold: PostgreSQL cannot store U+0000 in text at all, SQLite stores it and then LIKE
 * treats it oddly, and the X12 files CBP receives allow only printable characters (ASC X12
 * basic character set). One definition for every input: JSON bodies, query strings, path
 * parameters, page cursors and CSV cells.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The same, with tab, line feed and carriage return allowed: free text written in a text area. */
// eslint-disable-next-line no-control-regex -- the same, with tab, LF and CR allowed
export const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The first control character `pattern` finds in `text`, as U+XXXX for a message. */
export function controlCodePoint(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[0] ?? '';
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
