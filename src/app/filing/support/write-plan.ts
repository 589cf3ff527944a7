import type { Issue } from '../../../domain/index.js';
import {
  write309,
  write358,
  type ControlNumberAllocator,
  type EdiProfile,
  type Interchange,
} from '../../../edi/index.js';
import type { PlannedMessage } from './sync-plan.js';

/** One interchange of a sync, with the SCNs it names (LX or MBL loops). */
export interface PlannedInterchange {
  readonly interchange: Interchange;
  readonly scns: readonly string[];
  /** The trip number it names (M10-06): CBP's answers come back under it. */
  readonly tripNumber: string;
}

/**
 * Writes the plan's messages in order. A 309 with more shipments than the profile allows per
 * message (9,999, CSMS #19-000156) becomes several (write309 splits it), each with its own SCNs.
 */
export function writePlan(
  messages: readonly PlannedMessage[],
  profile: EdiProfile,
  controlNumbers: ControlNumberAllocator,
  now: Date,
): { interchanges: PlannedInterchange[]; issues: Issue[] } {
  const context = { profile, controlNumbers, now };
  const interchanges: PlannedInterchange[] = [];
  const issues: Issue[] = [];
  const scnsAt = (trip: PlannedMessage['trip'], indexes: readonly number[]) =>
    indexes.map((i) => trip.shipments?.[i]?.shipmentControlNumber ?? '');
  const add309 = (
    trip: PlannedMessage['trip'],
    purpose: 'preliminary' | 'update' | 'delete',
    indexes: readonly number[],
  ) => {
    // A filing of a trip without shipments sends the 358 alone, not an empty 309.
    if (indexes.length === 0) return;
    const result = write309({ trip, purpose, shipments: indexes }, context);
    issues.push(...result.issues);
    result.interchanges.forEach((interchange, n) => {
      interchanges.push({
        interchange,
        scns: scnsAt(trip, result.shipments[n] ?? []),
        tripNumber: trip.tripNumber ?? '',
      });
    });
  };
  const add358 = (
    message:
      | Extract<PlannedMessage, { kind: '358' }>
      | { kind: '358'; purpose: 'original'; trip: PlannedMessage['trip'] },
  ) => {
    const link = 'link' in message ? message.link : undefined;
    const unlink = 'unlink' in message ? message.unlink : undefined;
    const result = write358(
      {
        trip: message.trip,
        purpose: message.purpose,
        ...(link === undefined ? {} : { link }),
        ...(unlink === undefined ? {} : { unlink }),
      },
      context,
    );
    issues.push(...result.issues);
    const linked =
      link ??
      (message.purpose === 'original' ? (message.trip.shipments ?? []).map((_, i) => i) : []);
    for (const interchange of result.interchanges) {
      interchanges.push({
        interchange,
        tripNumber: message.trip.tripNumber ?? '',
        scns:
          message.purpose === 'delete' ? [] : [...scnsAt(message.trip, linked), ...(unlink ?? [])],
      });
    }
  };
  for (const message of messages) {
    switch (message.kind) {
      case 'filing': {
        const all = (message.trip.shipments ?? []).map((_, i) => i);
        add309(message.trip, 'preliminary', all);
        add358({ kind: '358', purpose: 'original', trip: message.trip });
        break;
      }
      case '309':
        add309(message.trip, message.purpose, message.shipments);
        break;
      case '358':
        add358(message);
        break;
    }
  }
  return { interchanges, issues };
}
