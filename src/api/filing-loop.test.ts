import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';
import { aShipment, aTrip } from '../../test/builders.js';
import { inProcessCbp } from '../../test/in-process-cbp.js';
import { startFilingLoop, transportFor } from './filing-loop.js';

let harness: Harness;
let admin: Credentials;

withSignedInHarness('LOOP', (signedIn) => {
  ({ harness, admin } = signedIn);
});

async function syncedTrip(number: string): Promise<string> {
  const created = await call(harness, admin, 'POST', '/api/v1/trips', {
    body: aTrip({
      tripNumber: `LOOP20261128${number}`,
      shipments: [aShipment({ shipmentControlNumber: `LOOP00000000${number}` })],
    }),
  });
  const tripId = created.json<{ trip: { id: string } }>().trip.id;
  expect((await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/sync`, {})).statusCode).toBe(
    202,
  );
  return tripId;
}

describe('the filing loop of `emanifest serve`', () => {
  it('delivers what a sync queued and reads the answers, round after round', async () => {
    const tripId = await syncedTrip('01');
    const cbp = inProcessCbp();
    const errors: unknown[] = [];
    const loop = startFilingLoop(harness.appDeps, cbp.transport, 3_600_000, (e) => errors.push(e));
    await loop.round();
    await loop.stop();
    const view = await call(harness, admin, 'GET', `/api/v1/trips/${tripId}/filing`);
    expect(view.json<{ trip: { status: string } }>().trip.status).toBe('accepted');
    expect(errors).toEqual([]);
  });

  it('writes to the EDI mailbox folders when configured so, and reports a failing round', async () => {
    await syncedTrip('02');
    const dir = mkdtempSync(join(tmpdir(), 'loop-'));
    const transport = transportFor({
      kind: 'folders',
      outbound: join(dir, 'out'),
      inbound: join(dir, 'in'),
    });
    const errors: unknown[] = [];
    const loop = startFilingLoop(harness.appDeps, transport, 3_600_000, (e) => errors.push(e));
    await loop.round();
    await loop.stop();
    expect(readdirSync(join(dir, 'out')).filter((n) => n.endsWith('.x12'))).toEqual([
      'LOOP-000000003.x12',
      'LOOP-000000004.x12',
    ]);
    const down = startFilingLoop(
      harness.appDeps,
      { ...transport, receive: () => Promise.reject(new Error('inbound folder gone')) },
      3_600_000,
      (e) => errors.push(e),
    );
    await down.round();
    await down.stop();
    expect(errors).toEqual([new Error('inbound folder gone')]);
  });
});
