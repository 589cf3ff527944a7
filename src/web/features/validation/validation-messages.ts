/** What the page and the validation worker say to each other. */
import type { Issue } from '../../lib/api-types';

export interface ValidationRequest {
  /** Increases with every request: a late answer to an older document is dropped. */
  readonly id: number;
  /** A trip document (`ACE_TRIP`) or a list of shipments (`ACE_SHIPMENT`), as JSON. */
  readonly document: unknown;
  /** ISO instant: rules about timing (ETA, Section 321 suspension) need the current time. */
  readonly now: string;
  readonly scac: string | undefined;
}

export interface ValidationReply {
  readonly id: number;
  readonly issues: Issue[];
}
