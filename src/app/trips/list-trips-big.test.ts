/**
 * A big trip's validation (support/trip-validation-cache.ts), for the trips list's error count
 * and the trip page's problems: computed once, then kept while nothing in the trip changes; a
 * change to one shipment or to the trip, or a minute of the clock, computes it again, in the
 * background when the list is not to wait.
 */
import { expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { importDocument, listTrips, updateShipment, updateTrip, validateTrip } from '../index.js';
import type { AppDeps } from '../shared/deps.js';
import {
  CACHED_FROM_SHIPMENTS,
  countsUnderWay,
  VALIDATION_KEPT_MS,
} from './support/trip-validation-cache.js';

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
    const trip = imported;
    /** The trip as the list answers it through `deps`, waiting for its count or not. */
    const listed = async (deps: AppDeps, counting: 'wait' | 'background' = 'wait') => {
      const page = await listTrips(deps, company.viewer, { counting });
      const item = page.items.find((listedTrip) => listedTrip.id === trip.trip.id);
      if (item === undefined) throw new Error('the trip is not listed');
      return item;
    };
    /** Shipment `n` loses its consignee (an error): its record before and after. */
    const dropConsignee = async (n: number) => {
      const before = trip.shipments[n];
      if (before === undefined) throw new Error(`no shipment ${String(n)}`);
      const { consignee: _dropped, ...withoutConsignee } = before.shipment;
      const after = await updateShipment(ctx().deps, company.dispatcher, {
        shipmentId: before.id,
        expectedVersion: before.version,
        shipment: withoutConsignee,
      });
      return { before, after };
    };
    return { company, imported, listed, dropConsignee };
  }

  /**
   * The same dependencies for every call (the cache is kept per set of them), counting the
   * times a trip's shipments are read in full (a page at a time, from the first).
   */
  function countingFullReads(): { deps: AppDeps; fullReads: () => number } {
    let reads = 0;
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
                  if (page.cursor === undefined) reads += 1;
                  return repos.shipments.list(companyId, filter, page);
                },
              },
            }),
          ),
      },
    };
    return { deps, fullReads: () => reads };
  }

  it('keeps the error count of a big trip until the trip, a shipment or the minute changes', async () => {
    const big = await aBigTrip();
    const { company, imported } = big;
    const counting = countingFullReads();
    const listed = () => big.listed(counting.deps);

    const first = await listed();
    expect(first.shipmentCount).toBe(CACHED_FROM_SHIPMENTS);
    expect(counting.fullReads()).toBe(1);
    const again = await listed();
    expect(again.errorCount).toBe(first.errorCount);
    expect(counting.fullReads()).toBe(1);

    // One shipment loses its consignee: a new error, counted.
    await big.dropConsignee(500);
    const afterShipment = await listed();
    expect(counting.fullReads()).toBe(2);
    expect(afterShipment.errorCount).toBeGreaterThan(first.errorCount ?? Infinity);

    // The trip loses its truck: counted again.
    const { truck: _truck, ...withoutTruck } = imported.trip.document;
    await updateTrip(ctx().deps, company.dispatcher, {
      tripId: imported.trip.id,
      expectedVersion: imported.trip.version,
      document: withoutTruck,
    });
    const afterTrip = await listed();
    expect(counting.fullReads()).toBe(3);
    expect(afterTrip.errorCount).toBeGreaterThan(afterShipment.errorCount ?? Infinity);
    await listed();
    expect(counting.fullReads()).toBe(3);

    // A minute later the rules' clock has moved: computed again.
    ctx().clock.advance(VALIDATION_KEPT_MS);
    const later = await listed();
    expect(counting.fullReads()).toBe(4);
    expect(later.errorCount).toBe(afterTrip.errorCount);
  });

  it('answers at once when counting in the background: none first, then the last count made', async () => {
    const big = await aBigTrip();
    const { deps } = ctx();
    const listed = (counting: 'wait' | 'background') => big.listed(deps, counting);

    const first = await listed('background');
    expect(first.errorCount).toBeNull();
    expect(first.shipmentCount).toBe(CACHED_FROM_SHIPMENTS);
    await countsUnderWay(deps);
    const counted = await listed('background');
    expect(counted.errorCount).toBe((await listed('wait')).errorCount);

    // A minute on, the count is no longer current: the last one is answered while it is made
    // again.
    ctx().clock.advance(VALIDATION_KEPT_MS);
    expect((await listed('background')).errorCount).toBe(counted.errorCount);
    await countsUnderWay(deps);

    // A shipment changed: the count kept is of other content, so none until it is made.
    await big.dropConsignee(1);
    expect((await listed('background')).errorCount).toBeNull();
    await countsUnderWay(deps);
    expect((await listed('background')).errorCount).toBe((counted.errorCount ?? 0) + 1);
  });

  it("keeps the trip's problems for its page too: the trip opened from the list is not checked again", async () => {
    const big = await aBigTrip();
    const { company, imported } = big;
    const { deps, fullReads } = countingFullReads();
    // Shipment 500 loses its consignee: a problem the page links to that shipment.
    const { before: target, after: changed } = await big.dropConsignee(500);
    const listed = () => big.listed(deps);
    const validated = () => validateTrip(deps, company.viewer, { tripId: imported.trip.id });

    const item = await listed();
    expect(fullReads()).toBe(1);
    const first = await validated();
    expect(fullReads()).toBe(1);
    const named = first.issues.filter((issue) => issue.path.startsWith('/shipments/500/'));
    expect(named.length).toBeGreaterThan(0);
    expect(first.shipmentIds['500']).toBe(target.id);
    expect(first.issues.filter((issue) => issue.severity === 'error')).toHaveLength(
      item.errorCount ?? -1,
    );
    expect(await validated()).toEqual(first);
    expect(fullReads()).toBe(1);
    // As of another instant: checked each time, and kept for nobody.
    await validateTrip(deps, company.viewer, {
      tripId: imported.trip.id,
      now: new Date('2026-11-30T12:00:00Z'),
    });
    expect(fullReads()).toBe(2);
    expect(await validated()).toEqual(first);
    expect(fullReads()).toBe(2);

    // The shipment put right: checked again by the page, whose answer the list then counts.
    await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: target.id,
      expectedVersion: changed.shipment.version,
      shipment: target.shipment,
    });
    const mended = await validated();
    expect(fullReads()).toBe(3);
    expect(mended.issues.some((issue) => issue.path.startsWith('/shipments/500/'))).toBe(false);
    expect((await listed()).errorCount).toBe(
      mended.issues.filter((issue) => issue.severity === 'error').length,
    );
    expect(fullReads()).toBe(3);
    // A minute on, the rules' clock has moved: checked again.
    ctx().clock.advance(VALIDATION_KEPT_MS);
    expect(await validated()).toEqual(mended);
    expect(fullReads()).toBe(4);
  });
});
