import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/api-harness.js';
import { aTrip } from '../../test/builders.js';
import type { Api } from './types.js';

let harness: Harness;
let app: Api;
const lines: string[] = [];
let ready = true;

beforeAll(async () => {
  harness = await startHarness({
    api: {
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
      checkReady: () => (ready ? Promise.resolve() : Promise.reject(new Error('database down'))),
      bodyLimit: 64 * 1024,
    },
  });
  app = harness.app;
});
afterAll(async () => {
  await harness.close();
});

describe('infrastructure', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    ready = false;
    const down = await app.inject({ url: '/readyz' });
    ready = true;
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.body).not.toContain('database down');
  });

  it('echoes a request id and logs it on every request line', async () => {
    lines.length = 0;
    const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers['x-request-id']).toBe('abc-123');
    const generated = await app.inject({ url: '/api/v1/code-lists/ports' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const logged = lines.map((line) => JSON.parse(line) as { requestId?: string });
    expect(logged.length).toBeGreaterThan(0);
    for (const entry of logged) expect(entry.requestId).toBeDefined();
    expect(logged.some((entry) => entry.requestId === generated.headers['x-request-id'])).toBe(
      true,
    );
  });

  it('replaces an unsafe request id instead of logging it', async () => {
    const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'a b\nc' } });
    expect(response.headers['x-request-id']).not.toBe('a b\nc');
  });

  /** Sends `request` as it is over a socket to the listening app; the answer as text. */
  async function overSocket(request: string): Promise<string> {
    const address = app.server.listening
      ? `http://127.0.0.1:${String((app.server.address() as { port: number }).port)}`
      : await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    return new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let received = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        // One answer is all a test waits for: a keep-alive socket would not end.
        const end = received.indexOf('\r\n\r\n');
        const length = /content-length: (\d+)/i.exec(received.toString('latin1', 0, end));
        if (end !== -1 && length && received.length >= end + 4 + Number(length[1])) {
          socket.destroy();
        }
      });
      socket.on('close', () => {
        resolve(received.toString('utf8'));
      });
      socket.on('error', reject);
      socket.write(request);
    });
  }

  it('answers a request the HTTP parser refuses with a problem, over a real socket', async () => {
    const raw = await overSocket(
      'GET /api/v1/trips HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\u0001b\r\n\r\n',
    );
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST', issues: [] });
  });

  it('answers an HTTP/1.1 request without Host with a problem saying so; HTTP/1.0 needs none', async () => {
    const raw = await overSocket('GET /healthz HTTP/1.1\r\nX-Request-Id: nohost-1\r\n\r\n');
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({
      status: 400,
      code: 'MALFORMED_REQUEST',
      detail: 'The request has no Host header; HTTP/1.1 requires one (RFC 9112 §3.2).',
      requestId: 'nohost-1',
    });
    const old = await overSocket('GET /healthz HTTP/1.0\r\n\r\n');
    expect(old).toMatch(/^HTTP\/1\.1 200 /);
    expect(old.split('\r\n\r\n')[1]).toBe('{"status":"ok"}');
  });

  it("answers the framework's own refusals in the API's words, never its codes", async () => {
    const validate = (headers: Record<string, string>, payload: string) =>
      app.inject({ method: 'POST', url: '/api/v1/validate', headers, payload });
    const json = { 'content-type': 'application/json' };
    const answers = {
      empty: await validate(json, ''),
      length: await validate({ ...json, 'content-length': '1' }, '{}'),
      mediaType: await validate({ 'content-type': ';;;' }, '{}'),
      form: await validate({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=b'),
      tooLarge: await validate(json, `"${'x'.repeat(100 * 1024)}"`),
      method: await app.inject({ method: 'PATCH', url: '/healthz' }),
    };
    const statuses = Object.fromEntries(
      Object.entries(answers).map(([name, response]) => [name, response.statusCode]),
    );
    expect(statuses).toEqual({
      empty: 400,
      length: 400,
      mediaType: 415,
      form: 415,
      tooLarge: 413,
      method: 404,
    });
    for (const response of Object.values(answers)) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toMatch(/FST_|fastify/i);
    }
    expect(answers.length.json()).toMatchObject({
      code: 'MALFORMED_REQUEST',
      detail: 'The body is not as long as its Content-Length header says.',
    });
  });

  it('answers unknown routes with a problem', async () => {
    const response = await app.inject({ url: '/api/v1/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404, issues: [] });
  });

  it('serves OpenAPI 3 generated from the route schemas and local docs', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain('/api/v1/validate');
    // A 204 declares no body; a versioned write declares If-Match as required.
    type Operation = {
      responses?: Record<string, { content?: unknown; description?: string }>;
      parameters?: { in: string; name: string; required?: boolean }[];
    };
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
        at: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
    const noContent = operations.filter(({ operation }) => operation.responses?.['204']);
    expect(noContent.length).toBeGreaterThan(5);
    expect(noContent.filter(({ operation }) => operation.responses?.['204']?.content)).toEqual([]);
    const ifMatch = operations.flatMap(({ at, operation }) =>
      (operation.parameters ?? [])
        .filter((p) => p.in === 'header' && p.name === 'if-match')
        .map((p) => [at, p.required]),
    );
    expect(ifMatch.length).toBeGreaterThan(5);
    expect(ifMatch.filter(([, required]) => required !== true)).toEqual([]);
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).not.toMatch(/https?:\/\/(unpkg|cdn)/);
    const asset = await app.inject({ url: '/api/docs/static/swagger-ui-bundle.js' });
    expect(asset.statusCode).toBe(200);
  });
});

describe('POST /api/v1/validate', () => {
  it('returns no errors for a valid trip', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      payload: aTrip(),
    });
    expect(response.statusCode).toBe(200);
    const issues = response.json<{ issues: { severity: string }[] }>().issues;
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('returns shape problems as located issues', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      payload: { ...aTrip(), truck: 'T-1', colour: 'red' },
    });
    expect(response.statusCode).toBe(200);
    const paths = response.json<{ issues: { path: string }[] }>().issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['/colour']));
  });

  it('rejects malformed JSON with a problem, no stack trace', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      headers: { 'content-type': 'application/json' },
      payload: '{"data": "ACE_TRIP",\n  "tripNumber": }',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      code: 'MALFORMED_REQUEST',
      status: 400,
      instance: '/api/v1/validate',
      detail: 'The body is not valid JSON (line 2, column 17: a value was expected).',
      issues: [
        {
          code: 'DOCUMENT_NOT_JSON',
          path: '',
          message: 'line 2, column 17: a value was expected',
        },
      ],
    });
    expect(response.body).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses a body that is not UTF-8 at its first bad byte, and one declared in another charset', async () => {
    const validate = (contentType: string, payload: Buffer) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/validate',
        headers: { 'content-type': contentType },
        payload,
      });
    // "é" in UTF-8 on line 1, then Latin-1's "é" (0xE9) on line 2, column 27.
    const latin1 = await validate(
      'application/json',
      Buffer.concat([
        Buffer.from('{"data": "ACE_TRIP", "tripNumber": "é",\n  "truck": {"number": "Caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}}'),
      ]),
    );
    expect(latin1.statusCode, latin1.body).toBe(400);
    expect(latin1.json()).toMatchObject({
      code: 'MALFORMED_REQUEST',
      issues: [
        {
          code: 'DOCUMENT_NOT_UTF8',
          path: '',
          message: 'line 2, column 27: byte 0xe9 is not UTF-8',
        },
      ],
    });
    // A replacement character the client sent itself is text like any other.
    const replacement = await validate(
      'application/json; charset=UTF-8',
      Buffer.from('{"data": "ACE_TRIP", "tripNumber": "A\uFFFDB"}'),
    );
    expect(replacement.statusCode, replacement.body).toBe(200);
    const declared = await validate(
      'application/json; charset=iso-8859-1',
      Buffer.from('{"data": "ACE_TRIP"}'),
    );
    expect(declared.statusCode, declared.body).toBe(415);
    expect(declared.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('still refuses prototype poisoning in valid JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      headers: { 'content-type': 'application/json' },
      payload: '{"data": "ACE_TRIP", "__proto__": {"admin": true}}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'MALFORMED_REQUEST' });
  });

  it('rejects other content types with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('rejects oversize bodies with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      payload: { ...aTrip(), tripNumber: 'x'.repeat(100 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('rejects a bad `now` with a 400 whose issues point at the parameter', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/validate?now=yesterday',
      payload: aTrip(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      issues: [
        {
          path: '/now',
          code: 'QUERY_PARAMETER_INVALID',
          message:
            'query parameter /now: is not an ISO 8601 date-time (e.g. 2026-03-01T08:00:00-05:00; without an offset it is UTC)',
        },
      ],
    });
  });

  it('reads `now` and `scac` as the CLI reads --now and --scac: UTC without an offset, either case', async () => {
    // Arriving 2026-03-01 09:00 at Buffalo (EST), 14:00 UTC.
    const trip = aTrip({ estimatedArrivalDateTime: '2026-03-01 09:00:00' });
    const issuesAt = async (query: string) => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/validate?${query}`,
        payload: trip,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ issues: { code: string }[] }>().issues.map((i) => i.code);
    };
    const after = await issuesAt('now=2026-03-01T15:00:00&scac=demo');
    expect(after).toContain('ETA_IN_PAST');
    expect(await issuesAt('now=2026-03-01T15:00:00Z&scac=DEMO')).toEqual(after);
    expect(await issuesAt('now=2026-03-01T08:00:00&scac=demo')).not.toContain('ETA_IN_PAST');
  });
});

describe('GET /api/v1/code-lists/{list}', () => {
  it.each([
    'ports',
    'packaging-units',
    'equipment-types',
    'travel-document-types',
    'shipment-types',
    'countries',
  ])('serves %s', async (list) => {
    const response = await app.inject({ url: `/api/v1/code-lists/${list}` });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: { code: string; name: string }[] }>().items;
    expect(items.length).toBeGreaterThan(1);
    expect(typeof items[0]?.code).toBe('string');
  });

  it('keeps list-specific fields such as a port time zone', async () => {
    const ports = (await app.inject({ url: '/api/v1/code-lists/ports' })).json<{
      items: { code: string; timeZone?: string }[];
    }>().items;
    expect(ports.find((port) => port.code === '0901')?.timeZone).toBe('America/New_York');
  });

  it('rejects an unknown list', async () => {
    const response = await app.inject({ url: '/api/v1/code-lists/colours' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ path: '/list' }] });
  });
});
