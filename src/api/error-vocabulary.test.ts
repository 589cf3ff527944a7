/**
 * One error vocabulary: the same bad trip document gets the same issue codes and words from
 * every route that takes one, whichever layer (route schema, use case, rule engine) finds it.
 */
import { describe, expect, it } from 'vitest';
import {
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';

let harness: Harness;
let admin: Credentials;

withSignedInHarness('DEMO', (signedIn) => {
  ({ harness, admin } = signedIn);
});

const badTrip = { data: 'ACE_TRIP', truck: { number: 5 } };
const expected = [
  {
    code: 'DOCUMENT_WRONG_TYPE',
    severity: 'error',
    path: '/truck/number',
    message: 'Expected string, found number 5.',
  },
];

describe('a trip document of the wrong shape', () => {
  it('reads the same from POST /trips, POST /imports and POST /validate', async () => {
    const answers = await Promise.all(
      ['/api/v1/trips', '/api/v1/imports', '/api/v1/validate'].map((url) =>
        call(harness, admin, 'POST', url, { body: badTrip }),
      ),
    );
    const [trips, imports, validate] = answers.map(
      (response) => response.json<{ issues: unknown[] }>().issues,
    );
    expect(trips).toEqual(expected);
    expect(imports).toEqual(expected);
    expect(validate).toEqual(expected);
    expect(answers.map((response) => response.statusCode)).toEqual([400, 422, 200]);
  });

  it('names a bad query parameter in the API’s words, not the framework’s', async () => {
    const response = await call(harness, admin, 'GET', '/api/v1/trips?limit=0');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ issues: { code: string }[] }>().issues).toMatchObject([
      { code: 'QUERY_PARAMETER_INVALID', path: '/limit' },
    ]);
  });

  it.each([
    ['limit=abc', 'found string "abc"'],
    ['limit=1&limit=2', 'found a list'],
    // Decimal digits only: what Number() reads besides (hex, exponents, spaces) is refused.
    ['limit=0x10', 'found string "0x10"'],
    ['limit=1e2', 'found string "1e2"'],
    ['limit=%201', 'found string " 1"'],
    ['limit=-1', 'found string "-1"'],
  ])('says a %s that is no number is not one, not that it is too large', async (query, found) => {
    const response = await call(harness, admin, 'GET', `/api/v1/trips?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ issues: unknown[] }>().issues).toEqual([
      {
        code: 'QUERY_PARAMETER_INVALID',
        severity: 'error',
        path: '/limit',
        message: `query parameter /limit: Expected number, ${found}.`,
      },
    ]);
  });
});

/** Codes raised by use cases and the API layer; each is in docs/validation-codes.md. */
describe('codes from the app and API layers', () => {
  const codesOf = (response: { json(): unknown }) =>
    (response.json() as { issues: { code: string }[] }).issues.map((issue) => issue.code);

  it('TRIP_NUMBER_ALREADY_USED and TEMPLATE_NAME_TAKEN for a number or name in use', async () => {
    const trip = { data: 'ACE_TRIP', tripNumber: 'DEMOVOC0001' };
    const first = await call(harness, admin, 'POST', '/api/v1/trips', { body: trip });
    expect(first.statusCode).toBe(201);
    const again = await call(harness, admin, 'POST', '/api/v1/trips', { body: trip });
    expect(again.statusCode).toBe(409);
    expect(codesOf(again)).toEqual(['TRIP_NUMBER_ALREADY_USED']);

    const id = first.json<{ trip: { id: string } }>().trip.id;
    const save = () =>
      call(harness, admin, 'POST', `/api/v1/trips/${id}/template`, { body: { name: 'Daily' } });
    expect((await save()).statusCode).toBe(201);
    const taken = await save();
    expect(taken.statusCode).toBe(409);
    expect(codesOf(taken)).toEqual(['TEMPLATE_NAME_TAKEN']);
  });

  it('IF_MATCH_REQUIRED, PAGE_CURSOR_INVALID and PATH_PARAMETER_INVALID', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/trips', { body: undefined });
    const id = created.json<{ trip: { id: string } }>().trip.id;
    const unversioned = await call(harness, admin, 'DELETE', `/api/v1/trips/${id}`);
    expect(codesOf(unversioned), unversioned.body).toEqual(['IF_MATCH_REQUIRED']);
    const cursor = await call(harness, admin, 'GET', '/api/v1/trips?cursor=not-a-cursor');
    expect(codesOf(cursor), cursor.body).toEqual(['PAGE_CURSOR_INVALID']);
    const longId = await call(harness, admin, 'GET', `/api/v1/trips/${'x'.repeat(101)}`);
    expect(longId.statusCode).toBe(400);
    expect(codesOf(longId), longId.body).toEqual(['PATH_PARAMETER_INVALID']);
  });
});

/** The use cases' input checks: each code is in docs/validation-codes.md, located in the body. */
describe('input checks of the use cases', () => {
  const issuesOf = (response: { json(): unknown }) =>
    (response.json() as { issues: { code: string; path: string }[] }).issues.map((issue) => [
      issue.code,
      issue.path,
    ]);

  it('names, formats and passwords', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/trips', { body: undefined });
    const trip = created.json<{ trip: { id: string; version: number } }>().trip;
    const company = await call(harness, admin, 'GET', '/api/v1/company');
    const answers = {
      shipmentsInTripUpdate: await call(harness, admin, 'PUT', `/api/v1/trips/${trip.id}`, {
        body: { data: 'ACE_TRIP', shipments: [{ type: 'PAPS' }] },
        headers: { 'if-match': `"${trip.version}"` },
      }),
      profileName: await call(harness, admin, 'POST', '/api/v1/profiles', {
        body: { kind: 'driver', name: ' ', data: {} },
      }),
      templateName: await call(harness, admin, 'POST', `/api/v1/trips/${trip.id}/template`, {
        body: { name: ' ' },
      }),
      tokenName: await call(harness, admin, 'POST', '/api/v1/api-tokens', {
        body: { name: ' ', role: 'viewer' },
      }),
      tokenNameLong: await call(harness, admin, 'POST', '/api/v1/api-tokens', {
        body: { name: 'n'.repeat(101), role: 'viewer' },
      }),
      companyName: await call(harness, admin, 'POST', '/api/v1/companies', {
        body: { name: ' ', scac: 'AB1' },
      }),
      scacTaken: await call(harness, admin, 'POST', '/api/v1/companies', {
        body: { name: 'Demo again', scac: 'DEMO' },
      }),
      tripPrefix: await call(harness, admin, 'PATCH', '/api/v1/company', {
        body: { tripNumberPrefix: 'X-1' },
        headers: { 'if-match': company.headers.etag ?? '' },
      }),
      inviteEmail: await call(harness, admin, 'POST', '/api/v1/invitations', {
        body: { email: 'not an address', role: 'viewer' },
      }),
    };
    expect(
      Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, [r.statusCode, issuesOf(r)]])),
    ).toEqual({
      shipmentsInTripUpdate: [422, [['TRIP_SHIPMENTS_NOT_HERE', '/shipments']]],
      profileName: [422, [['PROFILE_NAME', '/name']]],
      templateName: [422, [['TEMPLATE_NAME', '/name']]],
      tokenName: [422, [['API_TOKEN_NAME', '/name']]],
      tokenNameLong: [422, [['API_TOKEN_NAME', '/name']]],
      companyName: [
        422,
        [
          ['COMPANY_NAME_REQUIRED', '/name'],
          ['COMPANY_SCAC_FORMAT', '/scac'],
        ],
      ],
      scacTaken: [409, [['COMPANY_SCAC_TAKEN', '/scac']]],
      tripPrefix: [422, [['COMPANY_TRIP_PREFIX_FORMAT', '/tripNumberPrefix']]],
      inviteEmail: [422, [['USER_EMAIL_FORMAT', '/email']]],
    });
  });
});

describe('a value the field does not take', () => {
  it('is DOCUMENT_VALUE_INVALID, saying what the field takes, also when it is missing', async () => {
    const unknownRole = await call(harness, admin, 'POST', '/api/v1/api-tokens', {
      body: { name: 'Import bot', role: 'boss' },
    });
    const noRole = await call(harness, admin, 'POST', '/api/v1/api-tokens', {
      body: { name: 'Import bot' },
    });
    for (const response of [unknownRole, noRole]) expect(response.statusCode).toBe(400);
    expect(unknownRole.json<{ issues: unknown[] }>().issues).toEqual([
      {
        code: 'DOCUMENT_VALUE_INVALID',
        severity: 'error',
        path: '/role',
        message: 'Expected one of "admin", "dispatcher", "viewer", found string "boss".',
      },
    ]);
    expect(noRole.json<{ issues: unknown[] }>().issues).toEqual([
      {
        code: 'DOCUMENT_VALUE_INVALID',
        severity: 'error',
        path: '/role',
        message: 'Required: one of "admin", "dispatcher", "viewer".',
      },
    ]);
  });
});
