import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aShipment, aTrip } from '../../test/builders.js';
import { bootstrapCompany, createTrip, randomIds, systemClock } from '../app/index.js';
import { createSqlStore, migrateToLatest, openDatabase } from '../storage/index.js';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

async function databaseWithTrip(dir: string) {
  const db = openDatabase({ sqlitePath: join(dir, 'db.sqlite') });
  await migrateToLatest(db);
  const deps = {
    store: createSqlStore(db),
    clock: systemClock,
    ids: randomIds,
    scrypt: { ln: 10, r: 8, p: 1 },
  };
  const { company, admin } = await bootstrapCompany(deps, {
    company: { name: 'Sync Haul', scac: 'SYNC', defaultPortOfArrival: '0901' },
    admin: { email: 'admin@sync.example', displayName: 'Admin', password: 'correct horse battery' },
  });
  const actor = {
    kind: 'user' as const,
    companyId: company.id,
    userId: admin.id,
    role: 'admin' as const,
  };
  // An ETA well ahead of the real clock: the command validates at the time it runs.
  const eta = new Date(Date.now() + 48 * 3_600_000).toISOString().slice(0, 10);
  await createTrip(deps, actor, {
    document: aTrip({
      tripNumber: 'SYNC0001',
      estimatedArrivalDateTime: `${eta} 12:00:00`,
      shipments: [aShipment({ shipmentControlNumber: 'SYNC0000000001' })],
    }),
  });
  await createTrip(deps, actor, {
    document: aTrip({ tripNumber: 'SYNC0002', drivers: [], shipments: [] }),
  });
  // More shipments than a page of `emanifest filing` (500).
  await createTrip(deps, actor, {
    document: aTrip({
      tripNumber: 'SYNC0003',
      shipments: Array.from({ length: 501 }, (_, i) =>
        aShipment({ shipmentControlNumber: `SYNC${String(100_001 + i).padStart(10, '0')}` }),
      ),
    }),
  });
  await db.destroy();
}

describe('emanifest sync', () => {
  it('queues the filing and hands it to the EDI mailbox folders; refuses a trip with errors (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-sync-'));
    await databaseWithTrip(dir);
    const env = {
      SQLITE_PATH: join(dir, 'db.sqlite'),
      CBP_TRANSPORT: 'folders',
      CBP_OUTBOUND_DIR: join(dir, 'out'),
      CBP_INBOUND_DIR: join(dir, 'in'),
    };
    const ok = memoryIo({});
    expect(await run({ ...ok.io, env }, ['sync', 'SYNC0001', '--company', 'sync'])).toBe(0);
    expect(ok.stdout()).toContain('queued 309 preliminary, control number 1, 1 shipment(s)');
    expect(ok.stdout()).toContain('queued 358 original, control number 2');
    expect(ok.stdout()).toContain('sent 2');
    expect(readdirSync(join(dir, 'out')).filter((n) => n.endsWith('.x12'))).toEqual([
      'SYNC-000000001.x12',
      'SYNC-000000002.x12',
    ]);
    const waiting = memoryIo({});
    expect(await run({ ...waiting.io, env }, ['sync', 'SYNC0001', '--company', 'SYNC'])).toBe(1);
    expect(waiting.stderr()).toContain('FILING_IN_PROGRESS');
    // Sent just now: not taken as lost yet.
    const resend = memoryIo({});
    const args = ['sync', 'SYNC0001', '--company', 'SYNC', '--resend'];
    expect(await run({ ...resend.io, env }, args)).toBe(1);
    expect(resend.stderr()).toContain('FILING_RESEND_TOO_SOON');

    const invalid = memoryIo({});
    expect(await run({ ...invalid.io, env }, ['sync', 'SYNC0002', '--company', 'SYNC'])).toBe(1);
    expect(invalid.stderr()).toContain('nothing was sent to CBP');

    const unknown = memoryIo({});
    expect(await run({ ...unknown.io, env }, ['sync', 'NOPE', '--company', 'SYNC'])).toBe(2);
    expect(unknown.stderr()).toContain('there is no trip NOPE');

    // `emanifest trips` says where CBP stands on each: the synced one is on its way.
    const listed = memoryIo({});
    expect(await run({ ...listed.io, env }, ['trips', '--company', 'SYNC'])).toBe(0);
    const lines = listed.stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^Status\s+Trip number\s+ETA \(port time\)\s+Port\s+At CBP\s+Errors\s+Shipments$/,
    );
    expect(lines.find((line) => line.includes('SYNC0001'))).toMatch(
      /^filed\s+SYNC0001\s+\d{4}-\d{2}-\d{2} 12:00\s+0901\s+transmitted\s+0\s+1$/,
    );
    expect(lines.find((line) => line.includes('SYNC0002'))).toMatch(
      /^draft\s+SYNC0002\s.*\snot sent\s+[1-9]\d*\s+0$/,
    );
    // What is left to file: the drafts only.
    const drafts = memoryIo({});
    const draftArgs = ['trips', '--company', 'SYNC', '--status', 'draft', '--format', 'json'];
    expect(await run({ ...drafts.io, env }, draftArgs)).toBe(0);
    expect(
      (JSON.parse(drafts.stdout()) as { tripNumber: string }[]).map((trip) => trip.tripNumber),
    ).toEqual(['SYNC0003', 'SYNC0002']);
    const badStatus = memoryIo({});
    expect(await run({ ...badStatus.io, env }, ['trips', '--status', 'sent'])).toBe(2);
    expect(badStatus.stderr()).toContain('--status must be draft, filed or cancelled, not "sent".');
    const json = memoryIo({});
    const eta = new Date(Date.now() + 48 * 3_600_000).toISOString().slice(0, 10);
    const jsonArgs = ['trips', '--company', 'SYNC', '--date', eta, '--format', 'json'];
    expect(await run({ ...json.io, env }, jsonArgs)).toBe(0);
    expect(JSON.parse(json.stdout())).toEqual([
      {
        tripNumber: 'SYNC0001',
        status: 'filed',
        eta: `${eta} 12:00:00`,
        port: '0901',
        cbp: { status: 'transmitted', rejectedShipments: 0 },
        errorCount: 0,
        shipmentCount: 1,
      },
    ]);
    // `emanifest filing`: the trip's status, the count in each, every shipment.
    const filing = memoryIo({});
    expect(await run({ ...filing.io, env }, ['filing', 'SYNC0001', '--company', 'SYNC'])).toBe(0);
    expect(filing.stdout()).toMatch(
      /^Trip SYNC0001: transmitted since \d{4}-\d\d-\d\dT[\d:.]+Z\nShipments: 1 \(transmitted 1\)\n\nSCN\s+Status\s+Since\nSYNC0000000001\s+transmitted\s+\d{4}-[\d:.T-]+Z\n$/,
    );
    const none = memoryIo({});
    const noneArgs = ['filing', 'SYNC0001', '--company', 'SYNC', '--status', 'rejected'];
    expect(await run({ ...none.io, env }, noneArgs)).toBe(0);
    expect(none.stdout()).toContain('\nNo shipment is rejected.\n');
    // 501 drafts, over two pages, in the trip's order.
    const many = memoryIo({});
    const manyArgs = ['filing', 'SYNC0003', '--company', 'SYNC', '--format', 'json'];
    expect(await run({ ...many.io, env }, manyArgs)).toBe(0);
    const listedMany = JSON.parse(many.stdout()) as {
      trip: { status: string; updatedAt: string | null };
      shipmentTotal: number;
      shipmentCounts: { status: string; count: number }[];
      shipments: { scn: string; status: string; updatedAt: string | null }[];
    };
    expect(listedMany.trip).toEqual({ status: 'draft', updatedAt: null });
    expect(listedMany.shipmentTotal).toBe(501);
    expect(listedMany.shipmentCounts).toEqual([{ status: 'draft', count: 501 }]);
    expect(listedMany.shipments.map((shipment) => shipment.scn)).toEqual(
      Array.from({ length: 501 }, (_, i) => `SYNC${String(100_001 + i).padStart(10, '0')}`),
    );
    expect(listedMany.shipments[500]).toEqual({
      scn: 'SYNC0000100501',
      status: 'draft',
      updatedAt: null,
    });
    const emptyJson = memoryIo({});
    const emptyArgs = ['filing', 'SYNC0002', '--company', 'SYNC', '--format', 'json'];
    expect(await run({ ...emptyJson.io, env }, emptyArgs)).toBe(0);
    expect(JSON.parse(emptyJson.stdout())).toMatchObject({ shipmentTotal: 0, shipments: [] });
    const wrongStatus = memoryIo({});
    expect(await run({ ...wrongStatus.io, env }, ['filing', 'SYNC0001', '--status', 'lost'])).toBe(
      2,
    );
    expect(wrongStatus.stderr()).toContain('--status must be one of draft, transmitted, rejected');
    const noTrip = memoryIo({});
    expect(await run({ ...noTrip.io, env }, ['filing', 'NOPE', '--company', 'SYNC'])).toBe(2);
    expect(noTrip.stderr()).toContain('there is no trip NOPE');
    for (const date of ['tomorrow', '2026-02-30']) {
      const badDate = memoryIo({});
      expect(await run({ ...badDate.io, env }, ['trips', '--date', date])).toBe(2);
      expect(badDate.stderr()).toContain(`--date must be a date as YYYY-MM-DD, not "${date}".`);
    }
  });
});

describe('commands on the service database', () => {
  it('refuse a SQLITE_PATH with no database rather than create an empty one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-cli-nodb-'));
    const env = { SQLITE_PATH: join(dir, 'typo', 'db.sqlite') };
    for (const args of [['trips'], ['sync', 'SYNC0001', '--company', 'SYNC']]) {
      const { io, stderr } = memoryIo({});
      expect(await run({ ...io, env }, args)).toBe(2);
      expect(stderr()).toContain(`there is no database at ${env.SQLITE_PATH}`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
