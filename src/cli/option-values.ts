/**
 * Option values several commands share (`--now`, `--format`), read one way so that every
 * command accepts and refuses them in the same words.
 */
import { AS_OF_INSTANT_FORMAT, asOfInstant, scacOf } from '../domain/index.js';
import { UsageError } from './io.js';

/** `--now`: an ISO-8601 instant (an offset, or UTC when none); undefined when not given. */
export function nowOption(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const instant = asOfInstant(text);
  if (instant === undefined) throw new UsageError(`--now "${text}" ${AS_OF_INSTANT_FORMAT}.`);
  return instant;
}

/** `--format`: text for people, json for programs. */
export function reportFormat(text: string | undefined): 'text' | 'json' {
  if (text === undefined || text === 'text') return 'text';
  if (text === 'json') return 'json';
  throw new UsageError(`--format must be text or json, not "${text}".`);
}

/**
 * `--scac`: the carrier's SCAC as ACE takes it, 4 letters (19 CFR 123.92; the SCN and trip
 * number start with it), in either case. One reading for `validate` and `csv check`.
 */
export function scacOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const scac = scacOf(value);
  if (scac === undefined) {
    throw new UsageError(`--scac must be the carrier's 4-letter SCAC, e.g. ABCD, not "${value}".`);
  }
  return scac;
}
