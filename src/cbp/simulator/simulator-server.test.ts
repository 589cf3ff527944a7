import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario } from './scenario.js';
import { startSimulatorServer, type SimulatorServer } from './simulator-server.js';

let server: SimulatorServer;

beforeAll(async () => {
  server = await startSimulatorServer({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'cbp-sim-server-')),
    scenario: defaultScenario(),
  });
});
afterAll(async () => {
  await server.close();
});

describe('the simulator server', () => {
  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a wrong cursor, a wrong clock step and an unknown route with the reason', async () => {
    const cursor = await fetch(`${server.url}/mailbox/out?after=-1`);
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toEqual({ error: 'after must be a whole number' });
    const step = await fetch(`${server.url}/clock/advance?minutes=soon`, { method: 'POST' });
    expect(step.status).toBe(400);
    const unknown = await fetch(`${server.url}/mailbox`, { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no route DELETE /mailbox' });
  });

  it('moves its clock forward on request and says where it is', async () => {
    const before = (await (await fetch(`${server.url}/healthz`)).json()) as {
      simulatedNow: string;
    };
    const moved = (await (
      await fetch(`${server.url}/clock/advance?minutes=600`, { method: 'POST' })
    ).json()) as { simulatedNow: string };
    expect(Date.parse(moved.simulatedNow) - Date.parse(before.simulatedNow)).toBeGreaterThanOrEqual(
      600 * 60_000,
    );
  });
});
