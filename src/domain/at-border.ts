/**
 * The filing statuses in which CBP has a trip or shipment at the border: the truck arrived, CBP
 * released the goods or holds them. CBP takes no delete then (a cancel, a re-key, a shipment
 * deleted or moved off its trip), so the service refuses them (FILING_TRIP_AT_BORDER,
 * FILING_SHIPMENT_AT_BORDER) and the web app offers none. Shared by both.
 */
export const STATUSES_AT_BORDER: ReadonlySet<string> = new Set(['arrived', 'released', 'on-hold']);

/** A status as a sentence says it ("on hold"). */
export function statusWords(status: string): string {
  return status === 'on-hold' ? 'on hold' : status;
}
