import { findPort } from '../../codes/index.js';
import type { Issue } from '../../domain/index.js';
import { validationFailed } from './errors.js';

/**
 * Checks on use-case input that the domain schemas do not cover (account fields, names).
 * Collects every problem before failing, so a form shows them all at once.
 */
export class InputChecks {
  private readonly found: Issue[] = [];

  check(ok: boolean, code: string, path: string, message: string): this {
    if (!ok) this.found.push({ code, severity: 'error', path, message });
    return this;
  }

  throwIfAny(what: string): void {
    if (this.found.length > 0)
      throw validationFailed(`${what}: the input has problems.`, this.found);
  }
}

/**
 * The name a person gives a record (a profile, a template, an API token): trimmed, not empty,
 * at most `max` characters. Returns it trimmed, or throws VALIDATION_FAILED at `/name`.
 */
export function recordName(
  given: string,
  rule: {
    readonly code: string;
    /** The record in a title ('API token') and in the message ('token'). */
    readonly what: string;
    readonly noun: string;
    readonly max: number;
    readonly hint?: string;
  },
): string {
  const name = given.trim();
  new InputChecks()
    .check(
      name !== '' && name.length <= rule.max,
      rule.code,
      '/name',
      `Name the ${rule.noun} (up to ${rule.max} characters)${rule.hint ?? ''}.`,
    )
    .throwIfAny(rule.what);
  return name;
}

export const SCAC_PATTERN = /^[A-Z]{4}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD_LENGTH = 10;

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value) && value.length <= 254;
}

/** A calendar date as YYYY-MM-DD that exists (2026-02-30 does not; Date.parse rolls it over). */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * A company's default port of arrival: unset (undefined: unchanged; null: none), or the
 * Schedule D code of a U.S. land-border port, as every new trip's port of arrival must be.
 */
export function isKnownPort(code: string | null | undefined): boolean {
  return code === undefined || code === null || findPort(code) !== undefined;
}
