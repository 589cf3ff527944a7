/**
 * The trips list's error count of a big trip (support/error-count-cache.ts): computed once,
 * then kept while nothing in the trip changes; a change to one shipment or to the trip, or a
 * minute of the clock, computes it again, in the background when the list is not to wait.
 */
import { expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { importDocument, listTrips, updateShipment, updateTrip } from '../index.js';
import type { AppDeps } from '../shared/deps.js';
import {
  CACHED_FROM_SHIPMENTS,
  countsUnderWay,
  ERROR_COUNT_KEPT_MS,
} from './support/error-count-cache.js';

describeOnDatabases('the trips list on a big trip', (ctx) => {
  async function aBigTrip() {
    const company = await ctx().newCompany();
    const { shipmentControlNumber: _generated, ...shipment } = aShipment();
    const imported = await importDocument(ctx().deps, company.dispatcher, {
      json: aTrip({
        tripNumber: `${company.scac}BIG1`,
        estimatedArrivalDateTime: '2026-12-01 12:00:00',
        shipments: Array.from({ length: CACHED_FROM_SHIPMENTS }, () => shipment),
      }),
    });
    if (imported.kind !== 'trip') throw new Error('a trip was expected');
    return { company, imported };
  }

  it('keeps the error count of a big trip until the trip, a shipment or the minute changes', async () => {
    const { company, imported } = await aBigTrip();
    // The same dependencies for every call (the cache is kept per set of them), counting the
    // times a trip's shipments are read in full (a page at a time, from the first).
    let fullReads = 0;
    const base = ctx().deps;
    const deps: AppDeps = {
      ...base,
      store: {
        transaction: (work) =>
          base.store.transaction((repos) =>
            work({
              ...repos,
              shipments: {
                ...repos.shipments,
                list: (companyId, filter, page) => {
                  if (page.cursor === undefined) fullReads += 1;
                  return repos.shipments.list(companyId, filter, page);
                },
              },
            }),
          ),
      },
    };
    const listed = async () => {
      const page = await listTrips(deps, company.viewer, {});
      const item = page.items.find((trip) => trip.id === imported.trip.id);
      if (item === undefined) throw new Error('the trip is not listed');
      return item;
    };

    const first = await listed();
    expect(first.shipmentCount).toBe(CACHED_FROM_SHIPMENTS);
    expect(fullReads).toBe(1);
    const again = await listed();
    expect(again.errorCount).toBe(first.errorCount);
    expect(fullReads).toBe(1);

    // One shipment loses its consignee: a new error, counted.
    const target = imported.shipments[500];
    if (target === undefined) throw new Error('no shipment 500');
    const { consignee: _dropped, ...withoutConsignee } = target.shipment;
    await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: target.id,
      expectedVersion: target.version,
      shipment: withoutConsignee,
    });
    const afterShipment = await listed();
    expect(fullReads).toBe(2);
    expect(afterShipment.errorCount).toBeGreaterThan(first.errorCount ?? Infinity);

    // The trip loses its truck: counted again.
    const { truck: _truck, ...withoutTruck } = imported.trip.document;
    await updateTrip(ctx().deps, company.dispatcher, {
      tripId: imported.trip.id,
      expectedVersion: imported.trip.version,
      document: withoutTruck,
    });
    const afterTrip = await listed();
    expect(fullReads).toBe(3);
    expect(afterTrip.errorCount).toBeGreaterThan(afterShipment.errorCount ?? Infinity);
    await listed();
    expect(fullReads).toBe(3);

    // A minute later the rules' clock has moved: computed again.
    ctx().clock.advance(ERROR_COUNT_KEPT_MS);
    const later = await listed();
    expect(fullReads).toBe(4);
    expect(later.errorCount).toBe(afterTrip.errorCount);
  });

  it('answers at once when counting in the background: none first, then the last count made', async () => {
    const { company, imported } = await aBigTrip();
    const { deps } = ctx();
    const listed = async (counting: 'wait' | 'background') => {
      const page = await listTrips(deps, company.viewer, { counting });
      const item = page.items.find((trip) => trip.id === imported.trip.id);
      if (item === undefined) throw new Error('the trip is not listed');
      return item;
    };

    const first = await listed('background');
    expect(first.errorCount).toBeNull();
    expect(first.shipmentCount).toBe(CACHED_FROM_SHIPMENTS);
    await countsUnderWay(deps);
    const counted = await listed('background');
    expect(counted.errorCount).toBe((await listed('wait')).errorCount);

    // A minute on, the count is no longer current: the last one is answered while it is made
    // again.
    ctx().clock.advance(ERROR_COUNT_KEPT_MS);
    expect((await listed('background')).errorCount).toBe(counted.errorCount);
    await countsUnderWay(deps);

    // A shipment changed: the count kept is of other content, so none until it is made.
    const target = imported.shipments[1];
    if (target === undefined) throw new Error('no shipment 1');
    const { consignee: _dropped, ...withoutConsignee } = target.shipment;
    await updateShipment(deps, company.dispatcher, {
      shipmentId: target.id,
      expectedVersion: target.version,
      shipment: withoutConsignee,
    });
    expect((await listed('background')).errorCount).toBeNull();
    await countsUnderWay(deps);
    expect((await listed('background')).errorCount).toBe((counted.errorCount ?? 0) + 1);
  });
});
