/** What the page and the validation worker say to each other. */
import type { Issue } from '../../lib/api-types';

/**
 * A trip's shipments, kept by the worker between checks: a 10,000-shipment trip is copied to
 * the worker once (and then only the pages loaded since), not on every keystroke. The worker's
 * list keeps its first `from` shipments and continues with `shipments`.
 */
export interface ShipmentsMessage {
  readonly kind: 'shipments';
  readonly from: number;
  readonly shipments: readonly unknown[];
}

export interface ValidationRequest {
  readonly kind: 'validate';
  /** Increases with every request: a late answer to an older document is dropped. */
  readonly id: number;
  /**
   * A trip document (`ACE_TRIP`) or a list of shipments (`ACE_SHIPMENT`), as JSON; with
   * `withShipments`, a trip's own fields, checked with the shipments the worker keeps.
   */
  readonly document: unknown;
  readonly withShipments: boolean;
  /** ISO instant: rules about timing (ETA, Section 321 suspension) need the current time. */
  readonly now: string;
  readonly scac: string | undefined;
}

export type WorkerMessage = ShipmentsMessage | ValidationRequest;

export interface ValidationReply {
  readonly id: number;
  /** `null` when the rule engine failed on the document (the error is thrown in the worker). */
  readonly issues: Issue[] | null;
}
