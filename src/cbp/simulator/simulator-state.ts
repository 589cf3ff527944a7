/**
 * Everything the simulator knows, as one JSON-serialisable value: what it received (by sender
 * and ISA13, so a resent interchange is recognised), the answers in its outbound mailbox, the
 * trips and shipments on file, and the 350 statuses still to come.
 */
export interface ShipmentOnFile {
  readonly scn: string;
  readonly scac: string;
  /** The trip that linked it (358), or undefined while only a 309 named it. */
  tripNumber: string | undefined;
  readonly port: string;
  billType: string;
  brokerNamed: boolean;
  inBond: boolean;
  /** ISA06 of the filer, and the ID it addressed CBP by: where the 350s go. */
  readonly filer: string;
  readonly cbpId: string;
}

export interface TripOnFile {
  readonly scac: string;
  readonly tripNumber: string;
  port: string;
  etaDate: string;
  /** Conveyance number (M10-04), echoed in answers. */
  conveyance: string;
  /** A complete manifest: the 358 (or a complete 309) was accepted. */
  complete: boolean;
  shipments: string[];
}

export interface PendingStatus {
  /** Simulated instant (ISO) when it is due. */
  readonly dueAt: string;
  readonly scn: string;
  readonly code: string;
  readonly remark?: string | undefined;
}

export interface Answer {
  /** 1, 2, 3…: the mailbox cursor. */
  readonly seq: number;
  /** ISA08 of the answer: whom it is for. */
  readonly receiver: string;
  readonly setId: '997' | '355' | '350';
  /** ISA13 of the interchange it answers (997, 355); undefined for a 350. */
  readonly answers: string | undefined;
  readonly text: string;
  readonly at: string;
}

export interface Receipt {
  readonly sender: string;
  readonly controlNumber: string;
  readonly setId: string;
  /** How many times it was put in the mailbox: more than 1 means a resend, answered once. */
  deliveries: number;
  readonly firstAt: string;
}

export interface SimulatorState {
  readonly version: 1;
  /** The simulated clock: `simulatedAt` was the time when the real clock read `realAt`. */
  clock: { simulatedAt: string; realAt: number };
  receipts: Record<string, Receipt>;
  answers: Answer[];
  nextControlNumber: number;
  shipments: Record<string, ShipmentOnFile>;
  trips: Record<string, TripOnFile>;
  pending: PendingStatus[];
  /** Last entry number handed out for a simulated broker entry (02). */
  lastEntry: number;
}

export const tripKey = (scac: string, tripNumber: string): string => `${scac}/${tripNumber}`;
export const receiptKey = (sender: string, controlNumber: string): string =>
  `${sender}/${controlNumber}`;

export function emptyState(realNow: number, simulatedNow: Date): SimulatorState {
  return {
    version: 1,
    clock: { simulatedAt: simulatedNow.toISOString(), realAt: realNow },
    receipts: {},
    answers: [],
    nextControlNumber: 1,
    shipments: {},
    trips: {},
    pending: [],
    lastEntry: 0,
  };
}
