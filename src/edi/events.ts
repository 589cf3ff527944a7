import type { DispositionCode } from './disposition-codes.js';

/**
 * What the reader makes of CBP's answers. Nothing is dropped: a segment it cannot place is an
 * `unreadable` event with its position (1-based segment number in the text) and raw text.
 */
export interface EnvelopeInfo {
  /** ISA13 of the interchange the event came in. */
  readonly interchangeControlNumber: string;
  readonly groupControlNumber: string;
  readonly transactionControlNumber: string;
}

export interface SegmentError {
  readonly segmentId: string;
  readonly position: string;
  readonly errorCode: string;
  readonly elements: readonly {
    readonly position: string;
    readonly errorCode: string;
    readonly badValue?: string;
  }[];
}

export interface AcknowledgedSet {
  readonly setId: string;
  readonly controlNumber: string;
  /** AK501: A accepted, E accepted with errors, R rejected, … */
  readonly status: string;
  readonly accepted: boolean;
  readonly errorCodes: readonly string[];
  readonly segmentErrors: readonly SegmentError[];
}

export interface AcknowledgmentEvent {
  readonly kind: 'acknowledgment';
  readonly envelope: EnvelopeInfo;
  readonly functionalId: string;
  /** GS06 of our group that this 997 answers. */
  readonly groupControlNumber: string;
  /** AK901: A accepted, E accepted with errors, P partially accepted, R rejected. */
  readonly status: string;
  readonly accepted: boolean;
  readonly sets: readonly AcknowledgedSet[];
}

export interface Reason {
  readonly code: string | undefined;
  readonly text: string;
}

export interface ShipmentOutcome {
  readonly scn: string;
  readonly accepted: boolean;
  readonly reasons: readonly Reason[];
}

export interface ManifestResponseEvent {
  readonly kind: 'manifest-response';
  readonly envelope: EnvelopeInfo;
  readonly scac: string | undefined;
  readonly tripNumber: string | undefined;
  /** Trip-level outcome; undefined when the 355 speaks of shipments only. */
  readonly trip: { readonly accepted: boolean; readonly reasons: readonly Reason[] } | undefined;
  readonly shipments: readonly ShipmentOutcome[];
}

export interface StatusEvent {
  readonly kind: 'status';
  readonly envelope: EnvelopeInfo;
  readonly scac: string | undefined;
  readonly tripNumber: string | undefined;
  readonly port: string | undefined;
  readonly scn: string;
  readonly dispositionCode: string;
  /** Undefined for a code the list does not know; the code itself is kept. */
  readonly disposition: DispositionCode | undefined;
  readonly entryType: string | undefined;
  readonly entryNumber: string | undefined;
  /** X4-05/06 as sent: CCYYMMDD and HHMM. */
  readonly date: string | undefined;
  readonly time: string | undefined;
  readonly remarks: readonly string[];
}

export interface UnreadableEvent {
  readonly kind: 'unreadable';
  /** 1-based number of the segment in the text (the first ISA is 1). */
  readonly position: number;
  readonly raw: string;
  readonly reason: string;
}

export type EdiEvent = AcknowledgmentEvent | ManifestResponseEvent | StatusEvent | UnreadableEvent;
