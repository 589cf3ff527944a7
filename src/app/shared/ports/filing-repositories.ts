/**
 * Filing with CBP: control numbers, the outbox of transmissions, the archive of raw
 * interchanges, and filing status with history. Every method that reads a company's data takes
 * its id; the delivery loop alone works across companies (`claimDue`).
 */
import type { Page, PageRequest } from '../records.js';

/**
 * Where a trip or shipment stands at CBP, in the order of the filing's life cycle (the order
 * lists show them in): draft → transmitted → rejected / on-hold / accepted → entry-on-file →
 * arrived → released; cancelled (a trip), deleted (a shipment).
 */
export const FILING_STATUSES = [
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
] as const;

export type FilingStatus = (typeof FILING_STATUSES)[number];

export type TransmissionState = 'pending' | 'sent' | 'failed';

export interface TripStanding {
  /** The trip's own status; undefined before its first sync. */
  readonly trip: FilingStatus | undefined;
  /** Each status its shipments are in, once. */
  readonly shipments: readonly FilingStatus[];
  /** Interchanges of the trip not yet sent. */
  readonly pending: number;
}

export interface Transmission {
  readonly id: string;
  readonly companyId: string;
  readonly tripId: string;
  /** As sent; CBP's answers name the trip by it. */
  readonly tripNumber: string;
  readonly setId: '309' | '358';
  readonly purpose: string;
  /** ISA13, GS06 and ST02 of the interchange (one number for all three). */
  readonly controlNumber: number;
  /** The SCNs the interchange names (LX or MBL loops). */
  readonly scns: readonly string[];
  readonly payload: string;
  readonly state: TransmissionState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

/** A transmission as a list shows it: without the interchange's text (a 309 may be 60 MB). */
export type TransmissionSummary = Omit<Transmission, 'payload'>;

export type NewTransmission = Omit<
  Transmission,
  'state' | 'attempts' | 'lastError' | 'sentAt' | 'nextAttemptAt'
>;

export interface ArchivedInterchange {
  readonly id: string;
  readonly companyId: string | null;
  readonly tripId: string | null;
  readonly direction: 'out' | 'in';
  readonly setId: string | null;
  readonly controlNumber: string | null;
  readonly at: string;
  readonly text: string;
  /** Why it could not be read or placed; null when it was. */
  readonly problem: string | null;
}

/** An archived interchange as a list shows it: without its text (downloaded one by one). */
export type ArchivedInterchangeSummary = Omit<ArchivedInterchange, 'text'>;

/** The current filing state of a trip (`scn` = '') or of one of its shipments. */
export interface FilingState {
  readonly companyId: string;
  readonly tripId: string;
  readonly scn: string;
  readonly status: FilingStatus;
  /** What CBP last accepted, as sent (canonical JSON value). */
  readonly accepted: unknown;
  /** What was sent and is not answered yet. */
  readonly sent: SentToCbp | null;
  readonly updatedAt: string;
}

/** What a sync sent of a trip or shipment, until CBP answers it. */
export interface SentToCbp {
  /** A shipment's add, change or delete; the trip's original, update or delete. */
  readonly action: string;
  /** The trip (without its shipments) or the shipment as sent; null for a delete. */
  readonly snapshot: unknown;
}

/** Where one shipment of a trip stands at CBP. */
export interface ShipmentFilingStatus {
  readonly scn: string;
  readonly status: FilingStatus;
  /** When it last changed; null for a draft never sent. */
  readonly updatedAt: string | null;
}

export interface FilingStatusCount {
  readonly status: FilingStatus;
  readonly count: number;
}

/**
 * Where a trip (`scn` = '') or a shipment stands, without the documents sent or accepted (the
 * documents of a trip's states are its shipments whole: 100,000 of them are hundreds of
 * megabytes, read only by a sync).
 */
export interface FilingStatusOf {
  readonly tripId: string;
  readonly scn: string;
  readonly status: FilingStatus;
  /** The action sent and not answered yet (SentToCbp); null when nothing waits on CBP. */
  readonly sentAction: string | null;
  readonly updatedAt: string;
}

/**
 * What CBP's answer does to a state, written without reading or writing the documents sent
 * or accepted (the database moves them):
 * - `status`: the status alone (a 350, an answer repeated, a receipt);
 * - `rejected`: what was sent is dropped, what CBP accepted before stays;
 * - `accepted`: what was sent becomes what CBP accepted;
 * - `withdrawn`: a delete CBP accepted: nothing of it is on file any more.
 * A state not stored yet is created with neither.
 */
export interface FilingStateChange {
  readonly companyId: string;
  readonly tripId: string;
  readonly scn: string;
  readonly status: FilingStatus;
  readonly effect: 'status' | 'rejected' | 'accepted' | 'withdrawn';
  readonly updatedAt: string;
}

export interface TripFilingSummary {
  /** The trip's own status at CBP ('draft' when only shipments were sent). */
  readonly status: FilingStatus;
  readonly rejectedShipments: number;
}

export interface FilingHistoryEntry {
  readonly companyId: string;
  readonly tripId: string;
  readonly scn: string;
  readonly status: FilingStatus;
  readonly at: string;
  /** What happened, for people: reasons, the disposition code, the control number. */
  readonly detail: Readonly<Record<string, unknown>>;
  readonly archiveId: string | null;
}

export interface EdiIdentity {
  readonly senderId: string;
  /** The next interchange control number; above 1 once the company has filed. */
  readonly nextControlNumber: number;
}

export interface FilingRepository {
  /**
   * The company's ISA06; created from `fallbackSenderId` on first use (at `at`), and from then
   * on the company's for good.
   */
  senderId(companyId: string, fallbackSenderId: string, at: string): Promise<string>;
  /** The company whose ISA06 this is or was (a sender ID is never another's), if any. */
  companyBySenderId(senderId: string): Promise<string | undefined>;
  /** The company's stored identity; undefined until it files or an admin sets a sender ID. */
  ediIdentity(companyId: string): Promise<EdiIdentity | undefined>;
  /**
   * Sets the company's ISA06, keeping its control-number sequence (created at 1 when there is
   * none); the ID stays the company's for good. The columns are UNIQUE: the use case checks
   * first, the constraints settle a race.
   */
  setSenderId(companyId: string, senderId: string, at: string): Promise<void>;
  /**
   * Takes `count` control numbers from the company's sequence and returns the first. Inside
   * the use case's transaction: rolled back with it, never handed out twice.
   */
  reserveControlNumbers(companyId: string, count: number): Promise<number>;
  enqueue(transmissions: readonly NewTransmission[], at: string): Promise<void>;
  /**
   * Claims up to `limit` pending transmissions due at `now` for `leaseMs`, oldest first and at
   * most one per trip (a trip's interchanges go in order). PostgreSQL: FOR UPDATE SKIP LOCKED;
   * both: a conditional update, so two senders never claim one row.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<readonly Transmission[]>;
  markSent(id: string, at: string): Promise<boolean>;
  /** Gives the row back for a later attempt, or marks it failed when `nextAttemptAt` is null. */
  markAttemptFailed(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  listTransmissions(companyId: string, tripId: string): Promise<readonly TransmissionSummary[]>;
  findTransmission(companyId: string, controlNumber: number): Promise<Transmission | undefined>;
  /** The trip the company last sent under this trip number. */
  tripIdByNumber(companyId: string, tripNumber: string): Promise<string | undefined>;
  /** Whether an interchange with this ISA13 already came in for the company (a re-read). */
  alreadyReceived(companyId: string | null, controlNumber: string, text: string): Promise<boolean>;

  archive(entry: ArchivedInterchange): Promise<void>;
  listArchive(companyId: string, tripId: string): Promise<readonly ArchivedInterchangeSummary[]>;
  findArchived(companyId: string, id: string): Promise<ArchivedInterchange | undefined>;

  states(companyId: string, tripId: string): Promise<readonly FilingState[]>;
  /**
   * The trip's and its shipments' statuses alone, by SCN; `only` keeps one SCN's (the trip's
   * own: '') or those in one status.
   */
  statuses(
    companyId: string,
    tripId: string,
    only?: { readonly scn?: string; readonly status?: FilingStatus },
  ): Promise<readonly FilingStatusOf[]>;
  /**
   * The trip's shipments at CBP, a page at a time: each shipment on the trip in its order (a
   * draft until first sent), then those sent and since taken off it, by SCN; `status` keeps
   * those in that status. A trip may hold 100,000 shipments: each page reads its own rows.
   */
  shipmentStatusPage(
    companyId: string,
    tripId: string,
    page: PageRequest & { readonly status?: FilingStatus | undefined },
  ): Promise<Page<ShipmentFilingStatus>>;
  /** How many of those shipments stand in each status (the statuses some stand in). */
  shipmentStatusCounts(companyId: string, tripId: string): Promise<readonly FilingStatusCount[]>;
  /**
   * Where a trip stands at CBP in brief, without reading its states' or interchanges' texts (a
   * trip may hold 100,000 shipments): the distinct statuses of the trip's own row and of its
   * shipments, and how many of its interchanges wait in the outbox.
   */
  standing(companyId: string, tripId: string): Promise<TripStanding>;
  /** Every status of these SCNs across the company's trips (an ingest looks its SCNs up at once). */
  statusesOfScns(companyId: string, scns: readonly string[]): Promise<readonly FilingStatusOf[]>;
  /**
   * Where CBP stands on each of these trips, for a list: the trip's own status and how many of
   * its shipments CBP rejected; a trip never sent is not in the map. One grouped statement.
   */
  summariesOfTrips(
    companyId: string,
    tripIds: readonly string[],
  ): Promise<ReadonlyMap<string, TripFilingSummary>>;
  /** Writes many states in few statements; each replaces the one of its trip and SCN. */
  putStates(states: readonly FilingState[]): Promise<void>;
  /** Applies CBP's answers to many states in few statements, one change per trip and SCN. */
  changeStates(changes: readonly FilingStateChange[]): Promise<void>;
  appendHistory(entries: readonly FilingHistoryEntry[]): Promise<void>;
  /**
   * The trip's history, newest first, a page at a time (a trip of 100,000 shipments gathers
   * about five entries each).
   */
  historyPage(
    companyId: string,
    tripId: string,
    page: PageRequest,
  ): Promise<Page<FilingHistoryEntry>>;
  historyCount(companyId: string, tripId: string): Promise<number>;
  /**
   * A mark that changes whenever the trip's filing does (its states, history, outbox rows or
   * archived interchanges), from a few counts and maxima: what a status view's tag is made of.
   */
  changeMark(companyId: string, tripId: string): Promise<string>;
  /** The history of the trip's own row (`scn` = '') or of one shipment, oldest first. */
  historyOf(companyId: string, tripId: string, scn: string): Promise<readonly FilingHistoryEntry[]>;

  /** Where a transport stopped reading its inbound answers. */
  cursor(name: string): Promise<string | undefined>;
  setCursor(name: string, cursor: string): Promise<void>;
  /**
   * Moves the cursor from `from` (undefined: not set yet) to `to`; false when another reader
   * moved it first. Taken at the start of the ingest transaction, it lets one of two service
   * instances that read the same answers store them, and rolls the other back.
   */
  moveCursor(name: string, from: string | undefined, to: string): Promise<boolean>;
}
