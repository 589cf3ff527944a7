import type { TripDocument } from '../domain/index.js';
import { guardedControlNumbers } from './control-numbers.js';
import type { WriteContext, WriteResult } from './interchange.js';
import { write309 } from './write-309.js';
import { write358 } from './write-358.js';

/**
 * What a first, complete filing of a trip sends: the shipments as preliminary 309s (split at
 * the profile's limit, at most 9,999 each), then the 358 with the trip that links every one of
 * them. CBP accepts this order — shipments first, the trip linking them after — as well as a
 * single complete 309 (see docs/edi.md). A trip without shipments sends the 358 alone.
 */
export function writeFiling(trip: TripDocument, context: WriteContext): WriteResult {
  const guarded = { ...context, controlNumbers: guardedControlNumbers(context.controlNumbers) };
  const shipments = write309Part(trip, guarded);
  const consist = write358({ trip, purpose: 'original' }, guarded);
  return {
    interchanges: [...shipments.interchanges, ...consist.interchanges],
    issues: [...shipments.issues, ...consist.issues],
  };
}

function write309Part(trip: TripDocument, context: WriteContext): WriteResult {
  if ((trip.shipments ?? []).length === 0) return { interchanges: [], issues: [] };
  return write309({ trip, purpose: 'preliminary' }, context);
}
