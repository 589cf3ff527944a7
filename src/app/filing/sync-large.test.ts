import { expect, it, vi } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { holdLargeTurn } from '../../../test/large-turn.js';
import { describeOnDatabases, type TestCompany } from '../../../test/storage-harness.js';
import { LARGE_WORK_SHIPMENTS } from '../shared/large-work.js';
import type { Store } from '../shared/ports/index.js';
import { createTrip } from '../trips/create-trip.js';
import { syncTrip } from './sync-trip.js';

describeOnDatabases('a large sync takes its turn', (ctx) => {
  async function tripOf(company: TestCompany, tripNumber: string, shipments: number) {
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}${tripNumber}`,
        shipments: Array.from({ length: shipments }, (_, n) =>
          aShipment({
            shipmentControlNumber: `${company.scac}${tripNumber}${String(n).padStart(4, '0')}`,
          }),
        ),
      }),
    });
    return trip.id;
  }

  /** The store, with each transaction's kind written down as it begins and ends. */
  function watchedStore(log: string[]): Store {
    return {
      transaction: (work, options) => {
        const kind = options?.readOnly === true ? 'read' : 'write';
        log.push(`${kind} begins`);
        return ctx()
          .deps.store.transaction(work, options)
          .finally(() => log.push(`${kind} ends`));
      },
    };
  }

  it('waits for the large work before it, holding no transaction; a small one does not', async () => {
    const company = await ctx().newCompany();
    const large = await tripOf(company, '261128', LARGE_WORK_SHIPMENTS);
    const small = await tripOf(company, '261129', 1);

    const held = holdLargeTurn();
    const log: string[] = [];
    const deps = { ...ctx().deps, store: watchedStore(log) };
    const syncing = syncTrip(deps, company.dispatcher, { tripId: large });
    try {
      // It counted the trip's shipments; from there it would open its write transaction at once.
      await vi.waitFor(() => {
        expect(log).toContain('read ends');
      });
      for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      expect(log).toEqual(['read begins', 'read ends']);

      // A trip below the threshold is synced meanwhile.
      const alone = await syncTrip(ctx().deps, company.dispatcher, { tripId: small });
      expect(alone.transmissions.length).toBeGreaterThan(0);
    } finally {
      held.release();
    }
    await held.done;
    const synced = await syncing;
    expect(new Set(synced.transmissions.flatMap((t) => t.scns)).size).toBe(LARGE_WORK_SHIPMENTS);
    // Its turn come, it is prepared in a read-only transaction and stored in a write one.
    expect(log).toEqual([
      'read begins',
      'read ends',
      'read begins',
      'read ends',
      'write begins',
      'write ends',
    ]);
  });
});
