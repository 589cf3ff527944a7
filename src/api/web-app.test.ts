import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/api-harness.js';

let harness: Harness;
let webRoot: string;

beforeAll(async () => {
  // A stand-in build: what the server does with files does not depend on their content.
  webRoot = mkdtempSync(join(tmpdir(), 'emanifest-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ACE eManifest</title>');
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1);');
  harness = await startHarness({ api: { webRoot } });
});
afterAll(async () => {
  await harness.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('the web app served by the API process', () => {
  it('answers / and every app path with index.html, revalidated on each visit', async () => {
    for (const url of ['/', '/sign-in', '/trips/123?tab=shipments']) {
      const response = await harness.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body).toContain('<title>ACE eManifest</title>');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps API 404s, missing files and non-GET requests as problem+json', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/no-such-route'],
      ['GET', '/api'],
      ['GET', '/assets/gone.js'],
      ['POST', '/sign-in'],
    ] as const) {
      const response = await harness.app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(response.json(), url).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
  });

  it('still answers the API and the health probes', async () => {
    expect((await harness.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await harness.app.inject({ method: 'GET', url: '/api/v1/trips' })).statusCode).toBe(
      401,
    );
  });
});
