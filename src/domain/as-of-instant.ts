import { DateTime } from 'luxon';

/**
 * The instant a check is made as of, as a person or a program writes it: the CLI's `--now` and
 * the API's `?now=` read it the same way. ISO 8601 (`2026-03-01T08:00:00-05:00`); without an
 * offset it is UTC, never the server's own zone, so the same text means the same instant on
 * every machine. Undefined when the text is not an ISO 8601 date-time.
 */
export function asOfInstant(text: string): Date | undefined {
  const parsed = DateTime.fromISO(text, { zone: 'UTC' });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

/** What is wrong with an as-of instant that asOfInstant refused, in the words of both. */
export const AS_OF_INSTANT_FORMAT =
  'is not an ISO 8601 date-time (e.g. 2026-03-01T08:00:00-05:00; without an offset it is UTC)';

/** A 4-letter SCAC, written in either case (19 CFR 123.92: the SCN starts with it). */
export function scacOf(text: string): string | undefined {
  return /^[A-Za-z]{4}$/.test(text) ? text.toUpperCase() : undefined;
}
