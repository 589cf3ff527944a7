/**
 * The API client's three ways of sending share one path: the same headers (CSRF token, the
 * file's content type) and the same failure, issues included, whether the answer is JSON or
 * NDJSON. fetch is replaced by a recorder; no server is involved.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiNdjson, apiUpload, onSessionExpired, setCsrfToken } from './api-client.js';

const problem = {
  status: 422,
  code: 'CSV_HEADER_INVALID',
  detail: 'The file is not the template.',
  issues: [{ code: 'CSV_HEADER_INVALID', path: '/header', message: 'No SCN column.' }],
};

function answering(response: () => Response) {
  const requests: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return Promise.resolve(response());
  });
  return requests;
}

const problemAnswer = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

const file = new Blob(['SCN\n'], { type: 'text/csv' });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('apiUpload and apiNdjson', () => {
  it('send the file as it is, with its content type and the CSRF token', async () => {
    setCsrfToken('csrf-1');
    const requests = answering(() => new Response('{"ok":true}', { status: 200 }));
    await apiUpload('PUT', '/company/logo', file, 'image/png');
    const lines: unknown[] = [];
    answering(() => new Response('{"n":1}\n{"n":2}\n', { status: 200 }));
    await apiNdjson('POST', '/x', { body: file, contentType: 'text/csv' }, (v) => lines.push(v));
    expect(requests[0]?.url).toBe('/api/v1/company/logo');
    expect(requests[0]?.init.body).toBe(file);
    expect(requests[0]?.init.headers).toMatchObject({
      'content-type': 'image/png',
      'x-csrf-token': 'csrf-1',
    });
    expect(lines).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("keep a refusal's issues, whichever the answer would have been", async () => {
    answering(problemAnswer(422, problem));
    const upload = await apiUpload('PUT', '/company/logo', file, 'image/png').catch(
      (error: unknown) => error,
    );
    const stream = await apiNdjson(
      'POST',
      '/trips/t/shipments.csv',
      { body: file, contentType: 'text/csv' },
      () => undefined,
    ).catch((error: unknown) => error);
    for (const error of [upload, stream]) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({
        status: 422,
        code: 'CSV_HEADER_INVALID',
        message: 'The file is not the template.',
        issues: problem.issues,
      });
    }
  });

  it('tell the session-expired listeners of a 401', async () => {
    let expired = 0;
    const stop = onSessionExpired(() => (expired += 1));
    answering(problemAnswer(401, { status: 401, code: 'UNAUTHENTICATED' }));
    await apiUpload('PUT', '/company/logo', file, 'image/png').catch(() => undefined);
    await apiNdjson('POST', '/x', { body: file, contentType: 'text/csv' }, () => undefined).catch(
      () => undefined,
    );
    stop();
    expect(expired).toBe(2);
  });
});
