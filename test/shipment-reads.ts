import type { Store } from '../src/app/shared/ports/index.js';

/**
 * `store`, counting each read of a trip's shipments whole (allOfTrip, allOfTrips): for the
 * tests that a use case reads a large trip only as often as it must, or not at all.
 */
export function countingShipmentReads(store: Store): { readonly store: Store; reads(): number } {
  let reads = 0;
  return {
    store: {
      transaction: (work, options) =>
        store.transaction(
          (repos) =>
            work({
              ...repos,
              shipments: {
                ...repos.shipments,
                allOfTrip: (companyId, tripId) => {
                  reads += 1;
                  return repos.shipments.allOfTrip(companyId, tripId);
                },
                allOfTrips: (companyId, tripIds) => {
                  reads += 1;
                  return repos.shipments.allOfTrips(companyId, tripIds);
                },
              },
            }),
          options,
        ),
    },
    reads: () => reads,
  };
}
