/**
 * the public edges refuse what would exhaust the process or reach the database as a
 * 500. Runs on SQLite, and on PostgreSQL as the api-on-postgres project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCompany,
  anonymous,
  call,
  signIn,
  startHarness,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';
import { aShipment, aShipper, aTrip } from '../../test/builders.js';

let harness: Harness;
let admin: Credentials;

interface ProblemBody {
  code: string;
  requestId: string;
  issues: { code: string; path: string; message: string }[];
}

withSignedInHarness('HARD', (signedIn) => {
  ({ harness, admin } = signedIn);
});

function raw(url: string, payload: string, method: 'POST' | 'PUT' = 'POST') {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (admin.kind === 'session') {
    headers.cookie = admin.cookie;
    headers['x-csrf-token'] = admin.csrf;
  }
  return harness.app.inject({ method, url, headers, payload });
}

function cursorOf(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

describe('deeply nested JSON', () => {
  const deep = '['.repeat(100_000);
  it.each(['/api/v1/validate', '/api/v1/trips', '/api/v1/session', '/api/v1/imports'])(
    'is a located 400 on %s, not a stack overflow',
    async (url) => {
      const response = await raw(url, deep);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const body = response.json<ProblemBody>();
      expect(body.issues[0]?.code).toBe('DOCUMENT_TOO_DEEP');
      expect(body.issues[0]?.message).toMatch(/line 1, column 65/);
    },
  );

  it('is refused even when it is valid JSON', async () => {
    const response = await raw('/api/v1/validate', '['.repeat(5000) + ']'.repeat(5000));
    expect(response.statusCode).toBe(400);
    expect(response.json<ProblemBody>().issues[0]?.code).toBe('DOCUMENT_TOO_DEEP');
  });
});

describe('__proto__ in a body', () => {
  it('says which field is refused instead of "not valid JSON"', async () => {
    const response = await raw(
      '/api/v1/validate',
      '{"data":"ACE_TRIP","shipments":[{"__proto__":{"x":1}}]}',
    );
    expect(response.statusCode).toBe(400);
    const body = response.json<ProblemBody>();
    expect(body.issues[0]).toMatchObject({
      code: 'DOCUMENT_FORBIDDEN_FIELD',
      path: '/shipments/0/__proto__',
    });
  });
});

describe('a field name twice in one object', () => {
  it('is refused with its JSON Pointer and line, not read with one value lost', async () => {
    const trip = JSON.stringify(aTrip({ tripNumber: 'DEMO2026120101' }));
    const twice = trip.replace('"tripNumber":', '"tripNumber":"DEMO2026120199","tripNumber":');
    const response = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: twice,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<ProblemBody>();
    expect(body.code).toBe('MALFORMED_REQUEST');
    expect(body.issues[0]).toMatchObject({
      code: 'DOCUMENT_REPEATED_FIELD',
      path: '/tripNumber',
      message: expect.stringMatching(
        /^line 1, column \d+: the field "tripNumber" appears twice/,
      ) as string,
    });
    const trips = await call(harness, admin, 'GET', '/api/v1/trips');
    expect(trips.body).not.toContain('DEMO20261201');
  });
});

describe('half of a surrogate pair', () => {
  it('refuses one alone in a shipment, with its JSON Pointer, storing nothing; a whole pair passes', async () => {
    // The escape as a client sends it: JSON.stringify would write the half as "\\ud800" too.
    const body = JSON.stringify(
      aTrip({
        tripNumber: 'HALF20261201',
        shipments: [aShipment({ consignee: aShipper({ name: 'Maple LONE Inc' }) })],
      }),
    ).replace('LONE', '\\ud800');
    const response = await call(harness, admin, 'POST', '/api/v1/trips', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ProblemBody>().issues[0]).toMatchObject({
      code: 'TEXT_LONE_SURROGATE',
      path: '/shipments/0/consignee/name',
      message: expect.stringContaining('U+D800') as string,
    });
    const trips = await call(harness, admin, 'GET', '/api/v1/trips');
    expect(trips.body).not.toContain('HALF20261201');
    const whole = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({
        tripNumber: 'PAIR20261201',
        shipments: [
          aShipment({
            shipmentControlNumber: 'DEMO0009990001',
            consignee: aShipper({ name: 'Maple \ud83d\ude9a Inc' }),
          }),
        ],
      }),
    });
    expect(whole.statusCode, whole.body).toBe(201);
  });
});

describe('control characters', () => {
  it('refuses NUL in a shipper name with its JSON Pointer', async () => {
    const trip = aTrip({ shipments: [aShipment({ shipper: aShipper({ name: 'Maple\u0000' }) })] });
    const response = await call(harness, admin, 'POST', '/api/v1/trips', { body: trip });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ProblemBody>().issues[0]).toMatchObject({
      code: 'TEXT_CONTROL_CHARACTER',
      path: '/shipments/0/shipper/name',
    });
  });

  it('refuses NUL in a trip number', async () => {
    const response = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: 'HARD\u00001' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ProblemBody>().issues[0]?.path).toBe('/tripNumber');
  });

  it('refuses NUL in a search text instead of matching everything', async () => {
    for (const url of ['/api/v1/trips?text=%00', '/api/v1/shipments?text=a%01b']) {
      const response = await call(harness, admin, 'GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json<ProblemBody>().issues[0]).toMatchObject({
        code: 'TEXT_CONTROL_CHARACTER',
        path: '/text',
      });
    }
  });

  it('refuses NUL in the sign-in e-mail without authentication', async () => {
    const response = await call(harness, anonymous, 'POST', '/api/v1/session', {
      body: { email: 'admin\u0000@hard.example', password: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ProblemBody>().issues[0]?.path).toBe('/email');
  });

  it('allows tab and line breaks in body text', async () => {
    const trip = aTrip({
      shipments: [aShipment({ shipper: aShipper({ name: 'Maple\tLeaf\r\nFoods' }) })],
    });
    const response = await call(harness, admin, 'POST', '/api/v1/trips', { body: trip });
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('forged page cursors', () => {
  const forged = [cursorOf(['~', '~']), cursorOf([]), cursorOf([1e300]), cursorOf([1.5, 'a'])];

  it.each(forged)('GET /shipments refuses %s with 400 PAGE_CURSOR_INVALID', async (cursor) => {
    const response = await call(harness, admin, 'GET', `/api/v1/shipments?cursor=${cursor}`);
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<ProblemBody>();
    expect(body.code).toBe('PAGE_CURSOR_INVALID');
    expect(body.issues[0]?.code).toBe('PAGE_CURSOR_INVALID');
  });

  it('GET /trips/{id}/shipments and /trips refuse them too', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: 'HARDCURSOR1', shipments: [] }),
    });
    const tripId = created.json<{ trip: { id: string } }>().trip.id;
    for (const cursor of forged) {
      for (const url of [`/api/v1/trips/${tripId}/shipments`, '/api/v1/trips', '/api/v1/parties']) {
        const response = await call(harness, admin, 'GET', `${url}?cursor=${cursor}`);
        if (url.endsWith('/parties') && cursor === cursorOf(['~', '~'])) {
          // ["~","~"] has the shape of a party cursor (a name, an id): simply past the last page.
          expect(response.statusCode).toBe(200);
        } else {
          expect(response.statusCode, `${url} ${cursor}`).toBe(400);
        }
      }
    }
  });

  it('GET /trips refuses a cursor whose time or id this server never writes', async () => {
    const trips = await call(harness, admin, 'GET', '/api/v1/trips?limit=1');
    const given = trips.json<{ nextCursor: string | null }>().nextCursor;
    expect(given).not.toBeNull();
    // The cursor given out still works.
    const next = await call(harness, admin, 'GET', `/api/v1/trips?limit=1&cursor=${given ?? ''}`);
    expect(next.statusCode, next.body).toBe(200);
    for (const key of [
      ['', ''],
      ['not a date', 'x'],
      ['2099-01-01T00:00:00Z', 'zzz'],
      ['2026-02-30T00:00:00.000Z', 'zzz'],
      ['2026-11-30T12:00:00.000Z', ''],
    ]) {
      const response = await call(harness, admin, 'GET', `/api/v1/trips?cursor=${cursorOf(key)}`);
      expect(response.statusCode, JSON.stringify(key)).toBe(400);
      expect(response.json<ProblemBody>().issues[0]?.code).toBe('PAGE_CURSOR_INVALID');
    }
  });
});

describe('router refusals', () => {
  it('a malformed %-escape is problem+json with the request id', async () => {
    const response = await call(harness, admin, 'GET', '/api/v1/trips/%');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<ProblemBody>().requestId).toBe(response.headers['x-request-id']);
    expect(response.json<ProblemBody>().issues[0]?.code).toBe('PATH_PARAMETER_INVALID');
  });

  it.each([
    ['/api/v1/parties/search?q=%FF', '/q'],
    ['/api/v1/parties/search?q=%E0%A4%A', '/q'],
    ['/api/v1/parties/search?q=ok&kind=%', '/kind'],
    ['/api/v1/trips?cursor=%C3%28', '/cursor'],
    ['/api/v1/parties/search?q=ok&%FFx=1', '/%FFx'],
  ])(
    'a query escape that does not decode (%s) is a 400 naming the parameter',
    async (url, path) => {
      const response = await call(harness, admin, 'GET', url);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const body = response.json<ProblemBody>();
      expect(body.code).toBe('MALFORMED_REQUEST');
      expect(body.requestId).toBe(response.headers['x-request-id']);
      expect(body.issues).toMatchObject([{ code: 'QUERY_PARAMETER_INVALID', path }]);
      expect(body.issues[0]?.message).toContain(`query parameter ${path}:`);
    },
  );

  it('a query that decodes is read as before: escapes, and + as a space', async () => {
    await call(harness, admin, 'POST', '/api/v1/parties', {
      body: {
        kind: 'shipper',
        party: {
          name: 'Café Dépôt',
          address: { city: 'Québec', postalCode: 'G1R 4P5', country: 'CA' },
        },
      },
    });
    const url = '/api/v1/parties/search?q=caf%C3%A9+d%C3%A9p&kind=shipper';
    const found = await call(harness, admin, 'GET', url);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json<{ items: { party: { name: string } }[] }>().items).toMatchObject([
      { party: { name: 'Café Dépôt' } },
    ]);
  });

  it('an id longer than the router reads (1,000 characters) is a 414 problem', async () => {
    const response = await call(harness, admin, 'GET', `/api/v1/trips/${'a'.repeat(1001)}`);
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<ProblemBody>().code).toBe('URI_TOO_LONG');
    expect(response.json<ProblemBody>().issues[0]?.code).toBe('PATH_PARAMETER_INVALID');
  });
});

describe('If-Match', () => {
  it('refuses a weak entity tag (RFC 9110 strong comparison)', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: 'HARDWEAK1', shipments: [] }),
    });
    const trip = created.json<{ trip: { id: string } }>().trip;
    const response = await call(harness, admin, 'DELETE', `/api/v1/trips/${trip.id}`, {
      headers: { 'if-match': 'W/"1"' },
    });
    expect(response.statusCode).toBe(428);
    expect(response.json<ProblemBody>().issues[0]?.code).toBe('IF_MATCH_WEAK');
    const still = await call(harness, admin, 'GET', `/api/v1/trips/${trip.id}`);
    expect(still.statusCode).toBe(200);
  });

  let trips = 0;
  // Each form is answered on purpose: only the ETag as sent ("1") changes the record; a form
  // that names no version is neither read as one nor mistaken for a missing header.
  it.each([
    ['"1"', 204, undefined],
    ['1', 400, 'IF_MATCH_MALFORMED'],
    ['"01"', 400, 'IF_MATCH_MALFORMED'],
    ['"1', 400, 'IF_MATCH_MALFORMED'],
    ['"abc"', 400, 'IF_MATCH_MALFORMED'],
    ['', 400, 'IF_MATCH_MALFORMED'],
    ['"1", "2"', 400, 'IF_MATCH_MALFORMED'],
    ['"2", "1"', 400, 'IF_MATCH_MALFORMED'],
    ['*', 428, 'IF_MATCH_WILDCARD'],
    ['W/"1"', 428, 'IF_MATCH_WEAK'],
  ])('If-Match: %s is %i', async (value, status, code) => {
    const created = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: `HARDIFM${String(++trips)}`, shipments: [] }),
    });
    const trip = created.json<{ trip: { id: string } }>().trip;
    const response = await call(harness, admin, 'DELETE', `/api/v1/trips/${trip.id}`, {
      headers: { 'if-match': value },
    });
    expect(response.statusCode, response.body).toBe(status);
    if (code === undefined) return;
    const body = response.json<ProblemBody>();
    expect(body.issues.map((issue) => issue.code)).toEqual([code]);
    expect(body.issues[0]?.message).not.toMatch(/missing/);
    const still = await call(harness, admin, 'GET', `/api/v1/trips/${trip.id}`);
    expect(still.statusCode).toBe(200);
  });

  it('a missing If-Match still says it is missing (428)', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({ tripNumber: 'HARDIFM0', shipments: [] }),
    });
    const trip = created.json<{ trip: { id: string } }>().trip;
    const response = await call(harness, admin, 'DELETE', `/api/v1/trips/${trip.id}`);
    expect(response.statusCode).toBe(428);
    expect(response.json<ProblemBody>().issues[0]).toMatchObject({
      code: 'IF_MATCH_REQUIRED',
      message: 'If-Match header missing.',
    });
  });
});

describe('bounded validation', () => {
  // Stateless validation stores and reads nothing (src/api/routes/validate.route.ts): the
  // PostgreSQL run (the api-on-postgres project) would spend the same seconds of CPU on the
  // same code for no more coverage.
  it.skipIf(process.env.API_TEST_DATABASE === 'postgres')(
    'a shipment of 340,000 empty commodities gets a bounded answer',
    async () => {
      const commodities = '{},'.repeat(340_000).slice(0, -1);
      const payload = `{"data":"ACE_SHIPMENT","shipments":[{"commodities":[${commodities}]}]}`;
      // Signed in: anonymous callers may not send 1 MiB (see below).
      const response = await raw('/api/v1/validate', payload);
      expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
      const issues = response.json<{ issues: { code: string; path: string }[] }>().issues;
      expect(issues.length).toBeLessThan(20_000);
      expect(issues).toContainEqual(
        expect.objectContaining({
          code: 'SHIPMENT_TOO_MANY_COMMODITIES',
          path: '/shipments/0/commodities/999',
        }),
      );
      expect(issues.filter((issue) => issue.code === 'ISSUES_TRUNCATED').length).toBeGreaterThan(0);
    },
  );

  it('a stored shipment of 250,000 commodities gets bounded answers on write and validation', async () => {
    const commodities = '{},'.repeat(250_000).slice(0, -1);
    const created = await raw('/api/v1/shipments', `{"commodities":[${commodities}]}`);
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    expect(created.body.length).toBeLessThan(4 * 1024 * 1024);
    const id = created.json<{ shipment: { id: string } }>().shipment.id;
    const validation = await call(harness, admin, 'GET', `/api/v1/shipments/${id}/validation`);
    expect(validation.statusCode).toBe(200);
    expect(validation.body.length).toBeLessThan(4 * 1024 * 1024);
    const issues = validation.json<{ issues: { code: string }[] }>().issues;
    expect(issues.map((issue) => issue.code)).toContain('ISSUES_TRUNCATED');
    expect(issues.map((issue) => issue.code)).toContain('SHIPMENT_TOO_MANY_COMMODITIES');
  });

  it('reports absurd numbers and texts as issues on write', async () => {
    const trip = aTrip({
      tripNumber: 'HARDBOUNDS1',
      shipments: [
        aShipment({
          shipmentControlNumber: 'HARDB0UNDS001',
          shipper: aShipper({ name: 'x'.repeat(300_000) }),
          commodities: [{ description: 'Lumber', quantity: 1.5e300, value: 1.2e29 }],
        }),
      ],
    });
    const response = await call(harness, admin, 'POST', '/api/v1/trips', { body: trip });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    const issues = response.json<{ issues: { code: string; path: string }[] }>().issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'TEXT_TOO_LONG', path: '/shipments/0/shipper/name' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'NUMBER_TOO_LARGE',
        path: '/shipments/0/commodities/0/quantity',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'NUMBER_TOO_LARGE',
        path: '/shipments/0/commodities/0/value',
      }),
    );
  });
});

describe('anonymous validation', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startHarness({
      api: {
        anonymousValidation: { bodyLimit: 1024, max: 3, timeWindowMs: 60_000, concurrent: 2 },
      },
    });
  });
  afterAll(async () => {
    await limited.close();
  });

  const validate = (payload: string, headers: Record<string, string> = {}) =>
    limited.app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  it('has a smaller body limit than signed-in validation', async () => {
    const big = JSON.stringify({ data: 'ACE_SHIPMENT', shipments: [{}], pad: 'x'.repeat(2000) });
    const response = await validate(big, { 'x-forwarded-for': '10.0.0.1' });
    expect(response.statusCode).toBe(413);
    expect(response.json<ProblemBody>().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('is rate limited per client address', async () => {
    const small = JSON.stringify({ data: 'ACE_SHIPMENT', shipments: [] });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await validate(small)).statusCode);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('anonymous validations in progress', () => {
  it('beyond the limit are 503 with retry-after, while signed-in ones go ahead', async () => {
    const closed = await startHarness({
      api: {
        anonymousValidation: { bodyLimit: 1024, max: 100, timeWindowMs: 60_000, concurrent: 0 },
      },
    });
    try {
      const small = { data: 'ACE_SHIPMENT', shipments: [] };
      const anonymousAnswer = await call(closed, anonymous, 'POST', '/api/v1/validate', {
        body: small,
      });
      expect(anonymousAnswer.statusCode).toBe(503);
      expect(anonymousAnswer.headers['retry-after']).toBe('1');
      const user = await signIn(closed, (await aCompany(closed, 'CONC')).email);
      const signedIn = await call(closed, user, 'POST', '/api/v1/validate', { body: small });
      expect(signedIn.statusCode).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe('authentication before the body', () => {
  it('an anonymous import is 401 without its body being parsed', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { 'content-type': 'application/json' },
      payload: '{"not json',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json<ProblemBody>().code).toBe('UNAUTHENTICATED');
  });
});
