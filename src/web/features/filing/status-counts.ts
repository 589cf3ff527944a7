/**
 * How many of a trip's shipments stand in each status at CBP, in the order of the filing life
 * cycle: the filing panel's "Show" choices, so that on a truck of 100,000 shipments the
 * dispatcher finds the three CBP rejected without scrolling for them.
 */
import type { FilingStatus } from './api/filing';

const LIFE_CYCLE: readonly FilingStatus[] = [
  'draft',
  'transmitted',
  'rejected',
  'on-hold',
  'accepted',
  'entry-on-file',
  'arrived',
  'released',
  'cancelled',
  'deleted',
];

export interface StatusCount {
  readonly status: FilingStatus;
  readonly count: number;
}

/** The statuses present among `shipments`, each with its count, in life-cycle order. */
export function statusCounts(
  shipments: readonly { readonly status: FilingStatus }[],
): StatusCount[] {
  const counts = new Map<FilingStatus, number>();
  for (const { status } of shipments) counts.set(status, (counts.get(status) ?? 0) + 1);
  return LIFE_CYCLE.flatMap((status) => {
    const count = counts.get(status);
    return count === undefined ? [] : [{ status, count }];
  });
}
