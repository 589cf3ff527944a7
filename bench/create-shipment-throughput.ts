/**
 * Create-shipment throughput: the createShipment use case (one transaction each: next SCN,
 * registry claim, insert, audit entry, rule engine) against a bare single-row insert per
 * transaction, on the same database in the same run. Also times importing one trip of
 * 10,000 shipments (one transaction).
 */
import { createShipment, createTrip, importDocument } from '../src/app/index.js';
import { benchCompany, type BenchDatabase } from './bench-support.js';
import { aShipment, aTrip } from './bench-data.js';

export async function benchCreateShipment(target: BenchDatabase, count: number): Promise<void> {
  const actor = await benchCompany(target.deps, 'CSTB');
  const { trip } = await createTrip(target.deps, actor, { document: aTrip('CSTB') });
  const shipment = aShipment();

  const start = performance.now();
  for (let i = 0; i < count; i++) {
    await createShipment(target.deps, actor, { tripId: trip.id, shipment });
  }
  const useCaseMs = performance.now() - start;

  const now = new Date().toISOString();
  const data = JSON.stringify(shipment);
  const baselineStart = performance.now();
  for (let i = 0; i < count; i++) {
    await target.db.transaction().execute((trx) =>
      trx
        .insertInto('shipments')
        .values({
          id: crypto.randomUUID(),
          company_id: actor.companyId,
          trip_id: trip.id,
          position: 100_000 + i,
          scn: `RAW${i}`,
          search_text: '',
          data,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    );
  }
  const baselineMs = performance.now() - baselineStart;
  const rate = (n: number, msTotal: number): string =>
    `${Math.round((n / msTotal) * 1000).toLocaleString('en-US')}/s`;
  console.log(
    `  createShipment use case, ${count} × 1 tx       ${rate(count, useCaseMs).padStart(10)}  (${(useCaseMs / count).toFixed(2)} ms each)`,
  );
  console.log(
    `  baseline bare INSERT, ${count} × 1 tx          ${rate(count, baselineMs).padStart(10)}  (${(baselineMs / count).toFixed(2)} ms each)`,
  );
  console.log(
    `  ratio use case / baseline: ×${(useCaseMs / baselineMs).toFixed(1)} the time per shipment`,
  );

  const big = 10_000;
  const importStart = performance.now();
  await importDocument(target.deps, actor, {
    json: {
      ...aTrip('CSTB'),
      tripNumber: 'CSTBBIG0001',
      shipments: Array.from({ length: big }, () => shipment),
    },
  });
  const importMs = performance.now() - importStart;
  console.log(
    `  import one trip of ${big.toLocaleString('en-US')} shipments (1 tx)     ${(importMs / 1000).toFixed(2)} s  (${rate(big, importMs)})`,
  );
}
