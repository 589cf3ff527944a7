/**
 * generated inputs (fast-check) against the JSON body parser, the query string and
 * the path: whatever arrives, the answer is a problem document below 500, never a crash.
 * Runs on SQLite and, as the api-on-postgres project, on PostgreSQL (where NUL bytes and
 * forged cursors used to be 500s).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../domain/index.js';
import {
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';

let harness: Harness;
let admin: Credentials;

withSignedInHarness('FUZZ', (signedIn) => {
  ({ harness, admin } = signedIn);
});

/** JSON-ish text: real JSON, JSON with a character changed, brackets, control characters. */
const jsonish = fc.oneof(
  fc.json(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .tuple(fc.json(), fc.nat(), fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }))
    .map(
      ([text, at, insert]) =>
        text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)),
    ),
  fc.nat({ max: 300 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth % 3 === 0 ? depth : 0)),
  fc
    .jsonValue()
    .map((value) =>
      JSON.stringify({ data: 'ACE_SHIPMENT', shipments: [{ shipper: { name: value } }] }),
    ),
);

const RUNS = 700;

function sessionHeaders(): Record<string, string> {
  return admin.kind === 'session'
    ? { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }
    : { 'content-type': 'application/json' };
}

// Hundreds of requests each: a generous limit so a loaded machine is not mistaken for a hang.
describe('fuzzing', { timeout: 120_000 }, () => {
  it('parseJsonText never throws', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        parseJsonText(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('JSON bodies never give a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonish,
        fc.constantFrom('/api/v1/validate', '/api/v1/trips', '/api/v1/parties'),
        async (body, url) => {
          const response = await harness.app.inject({
            method: 'POST',
            url,
            headers: sessionHeaders(),
            payload: body,
          });
          expect(
            response.statusCode,
            `${url} ${JSON.stringify(body)} → ${response.body}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('query strings and paths never give a 5xx', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const cursor = fc.oneof(
      text.map((value) => Buffer.from(value).toString('base64url')),
      fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
      text,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/v1/trips',
          '/api/v1/shipments',
          '/api/v1/parties',
          '/api/v1/parties/search',
        ),
        fc.record(
          { text, cursor, limit: fc.oneof(fc.integer(), text), q: text, status: text },
          { requiredKeys: [] },
        ),
        text,
        async (path, query, segment) => {
          const search = new URLSearchParams(
            Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
          ).toString();
          for (const url of [
            `${path}?${search}`,
            `/api/v1/trips/${encodeURIComponent(segment)}`,
            `/api/v1/trips/${segment.replaceAll('?', '').replaceAll('#', '')}`,
          ]) {
            const response = await call(harness, admin, 'GET', url);
            expect(response.statusCode, `${url} → ${response.body}`).toBeLessThan(500);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
