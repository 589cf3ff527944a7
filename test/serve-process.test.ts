/**
 * `emanifest serve` as an operator runs it (`npm start`): a real process on a real port, on a
 * fresh SQLite file. It prints how to sign in, answers, and on SIGTERM finishes and exits 0.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnNode, startServeProcess } from './cli-process.js';

/** A port nothing listens on now (the service is told it, as its output cannot be read). */
async function aFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** `promise`, or a failure naming `what` after `ms`: a guard against a hang, not a timing. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(what));
    }, ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

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

  it('keeps serving when its output pipes close, and still stops on SIGTERM', async () => {
    // `emanifest serve 2>&1 | head`: the reader of its output goes away before it even starts.
    // The demo banner and every log line then fail with EPIPE; before, the banner's failure
    // ended the process, or its exit hung for ever in the logger's last flush.
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-serve-'));
    const port = await aFreePort();
    const serve = spawnNode(['bin/emanifest.js', 'serve'], {
      PORT: String(port),
      SQLITE_PATH: join(dir, 'e.sqlite'),
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PASSWORD_HASH_COST: '10',
    });
    serve.child.stdout?.destroy();
    serve.child.stderr?.destroy();
    const healthy = async (): Promise<void> => {
      for (;;) {
        const status = await fetch(`http://127.0.0.1:${String(port)}/healthz`).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 200) return;
        const ended = await Promise.race([
          serve.exited.then((code) => `exited with ${String(code)}`),
          new Promise<undefined>((resolve) => {
            setTimeout(() => {
              resolve(undefined);
            }, 200);
          }),
        ]);
        if (ended !== undefined) throw new Error(`the service ${ended} before it answered`);
      }
    };
    await within(healthy(), 30_000, 'the service did not answer within 30 s');
    // A request's log line goes to the closed pipe too.
    expect((await fetch(`http://127.0.0.1:${String(port)}/readyz`)).status).toBe(200);
    expect(await within(serve.stop('SIGTERM'), 15_000, 'no exit 15 s after SIGTERM')).toBe(0);
  }, 60_000);
});
