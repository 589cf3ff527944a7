/**
 * `emanifest serve` as an operator runs it (`npm start`): a real process on a real port, on a
 * fresh SQLite file. It prints how to sign in, answers, and on SIGTERM finishes and exits 0.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('emanifest serve (a real process)', () => {
  it('starts on an empty database, signs the demo admin in, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-serve-'));
    const child = spawn(process.execPath, ['bin/emanifest.js', 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        SQLITE_PATH: join(dir, 'e.sqlite'),
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        resolve(code);
      }),
    );

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /listening on (http:\/\/[^\s]+)/.exec(stderr);
        if (match?.[1] !== undefined) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 50);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`serve exited early:\n${stderr}`));
      });
    });
    const password = /password: (\S+)/.exec(stderr)?.[1] ?? '';
    expect(stderr).toContain('e-mail:   admin@demo.example');

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

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
