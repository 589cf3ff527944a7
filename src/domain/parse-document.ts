import type { z } from 'zod';
import { CappedIssues, MAX_ISSUES_PER_CODE } from './capped-issues.js';
import type { Issue } from './issue.js';
import { pointer, pointerOfPath } from './json-pointer.js';
import { manifestDocumentSchema, type ManifestDocument } from './trip-document.js';

/**
 * Turns already-parsed JSON into a typed manifest document, or into located issues that say
 * which field has the wrong type or name. Shape problems stop here: the rules need a typed
 * document to run.
 */
export type ParseResult =
  | { readonly ok: true; readonly document: ManifestDocument }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export function parseManifestDocument(json: unknown): ParseResult {
  const result = manifestDocumentSchema.safeParse(json, { reportInput: true });
  if (result.success) return { ok: true, document: result.data };
  // Capped like the rules' issues: one bad field repeated on 340,000 lines is one problem.
  const issues = new CappedIssues(MAX_ISSUES_PER_CODE);
  issues.addAll(shapeIssues(result.error.issues));
  return { ok: false, issues: issues.list() };
}

/**
 * The one translation of zod's findings into the system's vocabulary (DOCUMENT_UNKNOWN_FIELD,
 * DOCUMENT_WRONG_TYPE, DOCUMENT_KIND_UNKNOWN, in plain words), used wherever data is checked
 * against a domain schema (the CLI, the rule engine, use cases and API request bodies), so the
 * same bad data gets the same answer everywhere. Parse with `reportInput: true` for the
 * "found …" part of the message. `base` prefixes every path (`/shipment`).
 */
export function shapeIssues(zodIssues: readonly z.core.$ZodIssue[], base = ''): Issue[] {
  return zodIssues.flatMap((zodIssue) =>
    shapeIssue(zodIssue).map((issue) => ({ ...issue, path: base + issue.path })),
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  // JSON has no NaN: only a query parameter read as a number makes one, from text (`?limit=abc`)
  // or a list (`?limit=1&limit=2`); it was said as "too large" below.
  if (typeof value === 'number' && Number.isNaN(value)) return 'a value that is not a number';
  // JSON has no infinity: a number too large for a double (1e400) reads as one.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to read';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function shapeIssue(zodIssue: z.core.$ZodIssue): Issue[] {
  const at = pointerOfPath(zodIssue.path);
  switch (zodIssue.code) {
    case 'unrecognized_keys':
      return zodIssue.keys.map((key) => ({
        code: 'DOCUMENT_UNKNOWN_FIELD',
        severity: 'error',
        path: at + pointer(key),
        // The same check guards trip documents and every other request body, so the words name
        // no particular format.
        message: `"${key}" is not a field here; check its spelling (unknown fields are refused so that nothing is silently dropped).`,
      }));
    case 'invalid_type':
      return [
        {
          code: 'DOCUMENT_WRONG_TYPE',
          severity: 'error',
          path: at,
          message:
            zodIssue.input === undefined
              ? `Required: expected ${zodIssue.expected}.`
              : `Expected ${zodIssue.expected === 'array' ? 'a list' : zodIssue.expected}, found ${describe(zodIssue.input)}.`,
        },
      ];
    case 'invalid_value':
      if (at !== '' && at !== '/data') return valueInvalid(at, zodIssue.values, zodIssue.input);
      return documentKindUnknown(at);
    case 'invalid_union':
      // A request body's own discriminator (a party's or a profile's `kind`) is a field with a
      // few values, like any other; only the trip document's `data` names a document kind.
      if (
        zodIssue.discriminator !== undefined &&
        zodIssue.discriminator !== 'data' &&
        zodIssue.inclusive !== false &&
        zodIssue.options !== undefined
      ) {
        return valueInvalid(at, zodIssue.options, discriminatorValue(zodIssue));
      }
      return documentKindUnknown(at);
    default:
      // Of the right type, but not a value the field takes: too short or long, too small or
      // large, not in its format.
      return [
        { code: 'DOCUMENT_VALUE_INVALID', severity: 'error', path: at, message: zodIssue.message },
      ];
  }
}

/** A field given none of the values it takes, or left out: the values it takes, in order. */
function valueInvalid(at: string, values: readonly unknown[], input: unknown): Issue[] {
  const allowed = values.map((v) => JSON.stringify(v)).join(', ');
  return [
    {
      code: 'DOCUMENT_VALUE_INVALID',
      severity: 'error',
      path: at,
      message:
        input === undefined
          ? `Required: one of ${allowed}.`
          : `Expected one of ${allowed}, found ${describe(input)}.`,
    },
  ];
}

/** A discriminated union's issue carries the whole object; the value is its discriminator. */
function discriminatorValue(zodIssue: z.core.$ZodIssueInvalidUnion): unknown {
  const { input, discriminator } = zodIssue;
  if (discriminator === undefined || input === null || typeof input !== 'object') return undefined;
  return Object.hasOwn(input, discriminator)
    ? (input as Record<string, unknown>)[discriminator]
    : undefined;
}

/** Only the document's own `data` field (or a union at its root) says which kind it is. */
function documentKindUnknown(at: string): Issue[] {
  return [
    {
      code: 'DOCUMENT_KIND_UNKNOWN',
      severity: 'error',
      path: at === '' ? '/data' : at,
      message: 'The document must say what it holds: "data": "ACE_TRIP" or "data": "ACE_SHIPMENT".',
    },
  ];
}
