/**
 * How interchanges reach CBP and answers come back: the simulator's mailbox over HTTP, or EDI
 * mailbox folders a VAN or MQ bridge carries (src/cbp). Chosen by configuration.
 *
 * `send` must be idempotent by sender and ISA13: the outbox may hand the same interchange over
 * again after a crash between sending and recording it, and the other end must recognise it
 * (X12.6 lets a receiver refuse a repeated interchange control number).
 */
export type SendOutcome =
  | { readonly kind: 'delivered' }
  /** The other end already had it: as good as delivered. */
  | { readonly kind: 'duplicate' }
  /** The other end will never take it (not an interchange it can address): do not retry. */
  | { readonly kind: 'refused'; readonly reason: string };

/** The transport could not reach the other end this time: retry later. */
export class TransportUnavailable extends Error {
  override readonly name = 'TransportUnavailable';
}

export interface InboundMessage {
  /** The transport's own name for it (a file name, a mailbox sequence number). */
  readonly ref: string;
  readonly text: string;
  /**
   * Set when the transport could not read the message whole (a file too large, not UTF-8, not
   * readable): it is archived with this reason and applied to nothing.
   */
  readonly problem?: string;
}

export interface InboundBatch {
  readonly messages: readonly InboundMessage[];
  /** Where to continue next time; kept by the caller with what it made of the batch. */
  readonly cursor: string | undefined;
}

export interface CbpTransport {
  /** Names the transport's cursor in storage. */
  readonly name: string;
  send(text: string): Promise<SendOutcome>;
  /** Answers after `cursor` (undefined: from the start). */
  receive(cursor: string | undefined): Promise<InboundBatch>;
  /** Called once the batch is stored: a folder moves its files out of the way. */
  settle(batch: InboundBatch): Promise<void>;
}
