/**
 * `emanifest serve` configured with CBP_TRANSPORT=simulator, next to `emanifest cbp-simulator`:
 * two real processes. A trip synced through the API is delivered by the service's own
 * background loop and CBP's answers come back into its filing status.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aShipment, aTrip } from './builders.js';
import { startSimulatorProcess } from './cbp-simulator-process.js';
import { startServeProcess } from './cli-process.js';

describe('emanifest serve with a CBP transport (real processes)', () => {
  it('delivers a synced trip to the simulator in the background and shows CBP accepted it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-filing-'));
    const simulator = await startSimulatorProcess({ data: join(dir, 'cbp') });
    const serve = await startServeProcess(join(dir, 'e.sqlite'), {
      CBP_TRANSPORT: 'simulator',
      CBP_SIMULATOR_URL: simulator.url,
      CBP_POLL_INTERVAL: '1',
    }).catch(async (error: unknown) => {
      await simulator.stop();
      throw error;
    });
    try {
      const { url, password } = serve;
      const login = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.example', password }),
      });
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
      // The service validates against the real clock: an arrival two days ahead.
      const eta = new Date(Date.now() + 48 * 3_600_000).toISOString().slice(0, 10);
      const created = await fetch(`${url}/api/v1/trips`, {
        method: 'POST',
        headers,
        body: JSON.stringify(
          aTrip({
            tripNumber: 'DEMO2099000001',
            estimatedArrivalDateTime: `${eta} 12:00:00`,
            shipments: [aShipment({ shipmentControlNumber: 'DEMO2099000001' })],
          }),
        ),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const { trip } = (await created.json()) as { trip: { id: string } };
      const sync = await fetch(`${url}/api/v1/trips/${trip.id}/sync`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      expect(sync.status, await sync.clone().text()).toBe(202);
      // The loop runs every second; wait for its rounds, bounded by the test's own timeout.
      let status = '';
      while (status !== 'accepted') {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const filing = await fetch(`${url}/api/v1/trips/${trip.id}/filing`, { headers });
        status = ((await filing.json()) as { trip: { status: string } }).trip.status;
        expect(['transmitted', 'accepted']).toContain(status);
      }
      expect((await simulator.receipts()).map((r) => r.controlNumber)).toEqual([
        '000000001',
        '000000002',
      ]);
    } finally {
      expect(await serve.stop('SIGTERM')).toBe(0);
      await simulator.stop();
    }
  });
});
