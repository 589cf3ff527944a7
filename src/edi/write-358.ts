import type { TripDocument } from '../domain/index.js';
import { pointer } from '../domain/index.js';
import { guardedControlNumbers } from './control-numbers.js';
import { seal, type WriteContext, type WriteResult } from './interchange.js';
import { fixed, id, SegmentBuilder } from './segment-builder.js';
import {
  addArrival,
  addConveyance,
  addCrew,
  addInstruments,
  addTrailers,
  scacOf,
} from './trip-segments.js';

/**
 * 358 Customs Consist Information: the trip (ASC X12 004060, transaction set 358) —
 * instruments of international traffic (N9), truck (VEH, seals in M7), insurance (CII), crew (NM1 loop), port and ETA (P4, DTM), trailers (VID
 * loop with M7 seals) and the shipments linked to or unlinked from the trip (MBL loop with an
 * M13 add or delete). Unlinking leaves the shipment on file; deleting it is a 309's job.
 * A 358 update cannot change freight or party data: those travel in 309s.
 */
export type ConsistPurpose = 'original' | 'update' | 'delete';

export interface Write358Request {
  readonly trip: TripDocument;
  readonly purpose: ConsistPurpose;
  /** Indexes into `trip.shipments` to link; all of them for an original when omitted. */
  readonly link?: readonly number[];
  /** SCNs to unlink from the trip (they may no longer be in the document). */
  readonly unlink?: readonly string[];
}

export function write358(request: Write358Request, context: WriteContext): WriteResult {
  const { trip, purpose } = request;
  const profile = context.profile;
  const guarded = { ...context, controlNumbers: guardedControlNumbers(context.controlNumbers) };
  const out = new SegmentBuilder(profile, '358');
  out.add('M10', {
    scac: id(scacOf(trip), '/tripNumber'),
    transportMethod: fixed(profile.transportMethod),
    conveyanceNumber: id(trip.truck?.number, '/truck/number'),
    tripNumber: id(trip.tripNumber, '/tripNumber'),
    manifestType: fixed(profile.consistTypes[purpose]),
  });
  let shipmentCount = 0;
  if (purpose !== 'delete') {
    addInstruments(out, profile, trip);
    addConveyance(out, trip);
    addCrew(out, profile, trip);
    addArrival(out, profile, trip);
    addTrailers(out, trip);
    const link =
      request.link ?? (purpose === 'original' ? (trip.shipments ?? []).map((_, i) => i) : []);
    const scac = scacOf(trip);
    for (const index of link) {
      const path = `${pointer('shipments', index)}/shipmentControlNumber`;
      out.add('MBL', {
        scac: id(scac, '/tripNumber'),
        scn: id(trip.shipments?.[index]?.shipmentControlNumber, path),
      });
      out.add('M13', { amendmentType: fixed(profile.amendmentTypes.add) });
    }
    for (const scn of request.unlink ?? []) {
      out.add('MBL', { scac: id(scac, '/tripNumber'), scn: id(scn, '') });
      out.add('M13', { amendmentType: fixed(profile.amendmentTypes.delete) });
    }
    shipmentCount = link.length + (request.unlink?.length ?? 0);
  } else {
    // A trip delete names the trip by SCAC, trip number, port and ETA date, nothing else.
    addArrival(out, profile, trip);
  }
  return { interchanges: [seal('358', purpose, out, shipmentCount, guarded)], issues: out.issues };
}
