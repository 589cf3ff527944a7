import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/api-harness.js';
import { precompress } from '../../scripts/precompress.js';

let harness: Harness;
let webRoot: string;

beforeAll(async () => {
  // A stand-in build: what the server does with files does not depend on their content.
  webRoot = mkdtempSync(join(tmpdir(), 'emanifest-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ACE eManifest</title>');
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1);');
  // A script and a page large enough to be worth compressing, with their copies as the build
  // writes them.
  writeFileSync(join(webRoot, 'assets', 'app-def456.js'), BIG_SCRIPT);
  writeFileSync(join(webRoot, 'app.html'), BIG_PAGE);
  await precompress(webRoot);
  harness = await startHarness({ api: { webRoot } });
});
afterAll(async () => {
  await harness.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const BIG_SCRIPT = Array.from({ length: 200 }, (_, n) => `console.log('line ${String(n)}');`).join(
  '\n',
);
const BIG_PAGE = `<!doctype html><title>ACE eManifest</title>${'<p>Trip</p>'.repeat(200)}`;

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

  it('sends the copy the build compressed that the browser takes, else the file', async () => {
    for (const [url, content] of [
      ['/assets/app-def456.js', BIG_SCRIPT],
      ['/app.html', BIG_PAGE],
    ] as const) {
      for (const [asked, sent] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
        [undefined, undefined],
      ] as const) {
        const response = await harness.app.inject({
          method: 'GET',
          url,
          headers: asked === undefined ? {} : { 'accept-encoding': asked },
        });
        expect(response.statusCode, `${url} ${String(asked)}`).toBe(200);
        expect(response.headers['content-encoding'], `${url} ${String(asked)}`).toBe(sent);
        const raw = response.rawPayload;
        const text =
          sent === 'br'
            ? brotliDecompressSync(raw).toString()
            : sent === 'gzip'
              ? gunzipSync(raw).toString()
              : raw.toString();
        expect(text, `${url} ${String(asked)}`).toBe(content);
        if (sent !== undefined) {
          // The build's copy itself, not one compressed again for this request.
          const copy = readFileSync(join(webRoot, `${url}.${sent === 'br' ? 'br' : 'gz'}`));
          expect(raw.equals(copy), `${url} ${sent}`).toBe(true);
          expect(raw.length).toBeLessThan(content.length / 4);
          expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
        }
      }
    }
  });
});
