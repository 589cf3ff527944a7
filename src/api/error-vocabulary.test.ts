/**
 * One error vocabulary: the same bad trip document gets the same issue codes and words from
 * every route that takes one, whichever layer (route schema, use case, rule engine) finds it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCompany,
  call,
  signIn,
  startHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';

let harness: Harness;
let admin: Credentials;

beforeAll(async () => {
  harness = await startHarness();
  admin = await signIn(harness, (await aCompany(harness, 'DEMO')).email);
});
afterAll(async () => {
  await harness.close();
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
});
