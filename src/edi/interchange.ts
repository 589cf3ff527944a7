import type { Issue } from '../domain/index.js';
import type { ControlNumberAllocator } from './control-numbers.js';
import { envelopeText, type ControlNumbers, type TransactionSetId } from './envelope.js';
import type { EdiProfile } from './profile.js';
import type { SegmentBuilder } from './segment-builder.js';

/** One transmission: an ISA–IEA interchange holding one group and one transaction set. */
export interface Interchange {
  readonly setId: TransactionSetId;
  /** What it asks CBP to do: `preliminary`, `complete`, `update`, `delete` (309); `original`, `update`, `delete` (358). */
  readonly purpose: string;
  readonly text: string;
  readonly controlNumbers: ControlNumbers;
  /** SE01: segments from ST to SE. */
  readonly segmentCount: number;
  /** Shipments (LX or MBL loops) the set carries. */
  readonly shipmentCount: number;
}

/** Interchanges and every warning or error met while writing them (JSON Pointers into the trip). */
export interface WriteResult {
  readonly interchanges: readonly Interchange[];
  readonly issues: readonly Issue[];
}

export interface WriteContext {
  readonly profile: EdiProfile;
  readonly controlNumbers: ControlNumberAllocator;
  /** Stamped in ISA09/10 and GS04/05. */
  readonly now: Date;
}

export function seal(
  setId: TransactionSetId,
  purpose: string,
  body: SegmentBuilder,
  shipmentCount: number,
  context: WriteContext,
): Interchange {
  const numbers: ControlNumbers = {
    interchange: context.controlNumbers.next('interchange'),
    group: context.controlNumbers.next('group'),
    transaction: context.controlNumbers.next('transaction'),
  };
  const { text, segmentCount } = envelopeText(
    setId,
    body.body(),
    numbers,
    context.profile,
    context.now,
  );
  return { setId, purpose, text, controlNumbers: numbers, segmentCount, shipmentCount };
}
