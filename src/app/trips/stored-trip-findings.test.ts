/**
 * A stored trip through the rule engine a page of shipments at a time
 * (support/stored-trip-findings.ts): the same findings as the whole trip read at once, and read
 * again when a shipment changes between pages.
 */
import { expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { validateDocument } from '../../rules/index.js';
import { importDocument, updateShipment, validateTrip } from '../index.js';
import type { AppDeps } from '../shared/deps.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

describeOnDatabases('a stored trip checked a page at a time', (ctx) => {
  /** 1,100 shipments (three pages), two of them, on the second and third, without consignee. */
  async function aBigTrip() {
    const company = await ctx().newCompany();
    const shipments = Array.from({ length: 1_100 }, (_, i) =>
      aShipment({ shipmentControlNumber: `${company.scac}${String(i).padStart(10, '0')}` }),
    );
    for (const index of [700, 1_050]) {
      const { consignee: _dropped, ...withoutConsignee } = shipments[index] ?? aShipment();
      shipments[index] = withoutConsignee;
    }
    const imported = await importDocument(ctx().deps, company.dispatcher, {
      json: aTrip({ tripNumber: `${company.scac}BIG2`, shipments }),
    });
    if (imported.kind !== 'trip') throw new Error('a trip was expected');
    return { company, imported };
  }

  it('finds what the rule engine finds in the whole trip, with each shipment’s id', async () => {
    const { company, imported } = await aBigTrip();
    const { deps } = ctx();
    const records = await deps.store.transaction((repos) =>
      repos.shipments.allOfTrip(company.companyId, imported.trip.id),
    );
    const whole = validateDocument(assembleTripDocument(imported.trip, records), {
      now: deps.clock.now(),
      scac: company.scac,
    });
    expect(whole.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['/shipments/1050/consignee', '/shipments/700/consignee']),
    );
    const checked = await validateTrip(deps, company.viewer, { tripId: imported.trip.id });
    expect(checked.issues).toEqual(whole);
    expect(checked.shipmentIds['1050']).toBe(records[1_050]?.id);
    expect(checked.shipmentIds['700']).toBe(records[700]?.id);
  });

  it('reads the trip again when a shipment changes between two pages', async () => {
    const { company, imported } = await aBigTrip();
    const base = ctx().deps;
    const target = imported.shipments[10];
    if (target === undefined) throw new Error('no shipment 10');
    const { consignee: _dropped, ...withoutConsignee } = target.shipment;
    // Before the second page is read (the first is already checked), shipment 10 loses its
    // consignee: the first pass's answer is stale and must not be the one given.
    let transactions = 0;
    const deps: AppDeps = {
      ...base,
      store: {
        transaction: async (work) => {
          transactions += 1;
          if (transactions === 3) {
            await updateShipment(base, company.dispatcher, {
              shipmentId: target.id,
              expectedVersion: target.version,
              shipment: withoutConsignee,
            });
          }
          return base.store.transaction(work);
        },
      },
    };
    const checked = await validateTrip(deps, company.viewer, { tripId: imported.trip.id });
    expect(checked.issues.map((issue) => issue.path)).toContain('/shipments/10/consignee');
    const fresh = await validateTrip(base, company.viewer, { tripId: imported.trip.id });
    expect(checked.issues).toEqual(fresh.issues);
  });
});
