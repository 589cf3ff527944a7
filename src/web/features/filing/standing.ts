/**
 * Where a trip stands for the filing panel's refusals: a sync refused (a 422, a re-key to
 * confirm) no longer holds once the trip's status or its outbox moved on, and the panel clears
 * it then. The first status read is no move: a dispatcher may click Sync with CBP before it
 * arrives, and the refusal must stay on screen when it does.
 */
import type { FilingView } from './api/filing';

export function standingOf(view: FilingView | undefined): string | undefined {
  return view === undefined
    ? undefined
    : `${view.trip.status}|${String(view.transmissions.length)}`;
}

/** Whether the trip moved on from `before` to `now` (neither unknown). */
export function movedOn(before: string | undefined, now: string | undefined): boolean {
  return before !== undefined && now !== undefined && before !== now;
}
