/**
 * How many of a trip's shipments stand in each status at CBP, in the order of the filing life
 * cycle: the filing panel's "Show" choices, so that on a truck of 100,000 shipments the
 * dispatcher finds the three CBP rejected without scrolling for them.
 */
import type { FilingStatus } from './api/filing';

/** Each status's place in the life cycle: every status has one, or this does not compile. */
const LIFE_CYCLE: Record<FilingStatus, number> = {
  draft: 0,
  transmitted: 1,
  rejected: 2,
  'on-hold': 3,
  accepted: 4,
  'entry-on-file': 5,
  arrived: 6,
  released: 7,
  cancelled: 8,
  deleted: 9,
};

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
  return [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => LIFE_CYCLE[a.status] - LIFE_CYCLE[b.status]);
}
