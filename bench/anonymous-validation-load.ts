/**
 * `npm run bench:load` — the anonymous-validation crash, replayed: eight parallel worst-case anonymous
 * validations against a real `emanifest serve` on 127.0.0.1 (loopback only), while /healthz is
 * polled and the server's resident memory sampled. Before the limits, eight 1 MiB bodies of
 * 340,000 empty commodities ended the process ("Reached heap limit"). Figures are printed,
 * never asserted: machines differ.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HEAP_MB = 512;
const ROUNDS = Number(process.env['LOAD_ROUNDS'] ?? 4);
const PARALLEL = 8;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
    server.on('error', reject);
  });
}

/** The largest body of empty commodity lines that fits `bytes`. */
function emptyCommodities(bytes: number): string {
  const head = '{"data":"ACE_SHIPMENT","shipments":[{"commodities":[';
  const count = Math.floor((bytes - head.length - 4) / 3);
  return `${head}${'{},'.repeat(count).slice(0, -1)}]}]}`;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'emanifest-load-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, join(ROOT, 'bin/emanifest.js'), 'serve'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        SQLITE_PATH: join(dir, 'load.sqlite'),
        LOG_LEVEL: 'error',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exit ${code ?? ''} ${signal ?? ''}`));
  const pid = child.pid ?? 0;
  try {
    await waitFor(`${base}/healthz`);
    const idle = rssMb(pid);
    let peak = idle;
    let healthWorst = 0;
    let healthChecks = 0;
    let healthFailures = 0;
    const state = { polling: true };
    const poll = (async () => {
      while (state.polling) {
        const start = performance.now();
        try {
          if (!(await fetch(`${base}/healthz`)).ok) healthFailures++;
        } catch {
          healthFailures++;
        }
        healthWorst = Math.max(healthWorst, performance.now() - start);
        healthChecks++;
        peak = Math.max(peak, rssMb(pid));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const send = async (body: string) => {
      const start = performance.now();
      const response = await fetch(`${base}/api/v1/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await response.text();
      return { status: response.status, ms: performance.now() - start, bytes: text.length };
    };

    console.log(
      `emanifest serve on ${base}, --max-old-space-size=${HEAP_MB}; idle RSS ${idle.toFixed(0)} MiB`,
    );
    const oneMiB = emptyCommodities(1024 * 1024);
    const oversized = await Promise.all(Array.from({ length: PARALLEL }, () => send(oneMiB)));
    console.log(
      `${PARALLEL} × 1 MiB (340k empty commodities), anonymous: statuses ${[...new Set(oversized.map((r) => r.status))].join(',')}, slowest ${Math.max(...oversized.map((r) => r.ms)).toFixed(0)} ms`,
    );
    const worst = emptyCommodities(64 * 1024);
    for (let round = 1; round <= ROUNDS; round++) {
      const results = await Promise.all(Array.from({ length: PARALLEL }, () => send(worst)));
      const statuses = results.map((r) => r.status).join(',');
      console.log(
        `round ${round}: ${PARALLEL} × 64 KiB (21k empty commodities, the anonymous worst case): statuses ${statuses}; slowest ${Math.max(...results.map((r) => r.ms)).toFixed(0)} ms; largest answer ${(Math.max(...results.map((r) => r.bytes)) / 1024).toFixed(0)} KiB`,
      );
    }
    state.polling = false;
    await poll;
    const alive = exited === undefined && (await fetch(`${base}/healthz`)).ok;
    console.log(
      `process alive: ${alive}; peak RSS ${peak.toFixed(0)} MiB; /healthz ${healthChecks} checks, ${healthFailures} failed, slowest ${healthWorst.toFixed(0)} ms`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
