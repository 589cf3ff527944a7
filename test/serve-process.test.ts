/**
 * `emanifest serve` as an operator runs it (`npm start`): a real process on a real port, on a
 * fresh SQLite file. It prints how to sign in, answers, and on SIGTERM finishes and exits 0.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServeProcess } from './cli-process.js';

describe('emanifest serve (a real process)', () => {
  it('starts on an empty database, signs the demo admin in, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-serve-'));
    const serve = await startServeProcess(join(dir, 'e.sqlite'));
    const { url, password } = serve;
    expect(serve.stderr()).toContain('e-mail:   admin@demo.example');

    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const login = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.example', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const trips = await fetch(`${url}/api/v1/trips`, { headers: { cookie } });
    expect(((await trips.json()) as { items: unknown[] }).items).toHaveLength(1);

    expect(await serve.stop('SIGTERM')).toBe(0);
  });
});
