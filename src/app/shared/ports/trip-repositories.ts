import type { ShipmentReadMark } from './commodity-description-repository.js';
import type {
  AuditEntry,
  Page,
  PageRequest,
  ShipmentRecord,
  TripRecord,
  TripStatus,
} from '../records.js';

export interface TripFilter {
  readonly status?: TripStatus | undefined;
  /**
   * Matches trip number, truck and trailer numbers and plates, driver and passenger names, and
   * the SCNs of the trip's shipments (case-insensitive substring).
   */
  readonly text?: string | undefined;
  /** Port-local arrival dates, `YYYY-MM-DD`, inclusive. */
  readonly arrivalFrom?: string | undefined;
  readonly arrivalTo?: string | undefined;
  /** U.S. port of arrival code, exactly. */
  readonly port?: string | undefined;
}

export interface TripRepository {
  /** false when the company already used the trip number (deleted trips count). */
  insert(record: TripRecord): Promise<boolean>;
  /** Live trips only: a soft-deleted trip is not found. */
  findById(companyId: string, id: string): Promise<TripRecord | undefined>;
  /**
   * Every number the company ever used, deleted and renamed trips' included: a number is never
   * given out twice. `exceptTripId`: that trip's own earlier numbers do not count.
   */
  tripNumberUsed(companyId: string, tripNumber: string, exceptTripId?: string): Promise<boolean>;
  /** Writes when the stored version is `record.version - 1`; false otherwise. */
  update(record: TripRecord): Promise<boolean>;
  /**
   * Sets where the trip stands in filing (filed once synced, cancelled once its cancel is
   * sent) without a new version: the status is not part of the document a dispatcher may be
   * editing meanwhile, so it must not make their save a conflict.
   */
  setStatus(companyId: string, id: string, status: TripStatus): Promise<void>;
  softDelete(companyId: string, id: string, expectedVersion: number, at: string): Promise<boolean>;
  list(companyId: string, filter: TripFilter, page: PageRequest): Promise<Page<TripRecord>>;
}

export interface ShipmentFilter {
  /** A trip id, or null for unassociated shipments. */
  readonly tripId: string | null;
  /** Matches SCN, shipper and consignee names (case-insensitive substring). */
  readonly text?: string | undefined;
}

/** What a trip's shipments add up to: enough to tell that any of them changed since. */
export interface TripShipmentTotals {
  readonly count: number;
  /** Every write adds one to a shipment's version. */
  readonly versionSum: number;
  readonly lastUpdatedAt: string;
}

export interface ShipmentMove {
  readonly id: string;
  readonly expectedVersion: number;
  readonly tripId: string | null;
  readonly position: number;
}

export interface ShipmentRepository {
  /** Writes the batch in as few statements as the database allows. */
  insert(records: readonly ShipmentRecord[]): Promise<void>;
  findById(companyId: string, id: string): Promise<ShipmentRecord | undefined>;
  /** The company's shipment with this SCN (unique within a company), if any. */
  findByScn(companyId: string, scn: string): Promise<ShipmentRecord | undefined>;
  /** Writes when the stored version is `record.version - 1`; false otherwise. */
  update(record: ShipmentRecord): Promise<boolean>;
  delete(companyId: string, id: string, expectedVersion: number): Promise<boolean>;
  /**
   * Puts each shipment at its place (a trip, or null for the unassociated list) without
   * writing its document: its version goes up by one, where it is still `expectedVersion`.
   * Returns how many moved.
   */
  move(companyId: string, moves: readonly ShipmentMove[], at: string): Promise<number>;
  /** Ordered by position: the order shipments have in the trip document. */
  list(companyId: string, filter: ShipmentFilter, page: PageRequest): Promise<Page<ShipmentRecord>>;
  allOfTrip(companyId: string, tripId: string): Promise<readonly ShipmentRecord[]>;
  /** The SCNs of the trip's shipments (blank ones left out), in its order: no documents read. */
  scnsOfTrip(companyId: string, tripId: string): Promise<readonly string[]>;
  /** The shipments of several trips at once, by trip id, each in its trip's order. */
  allOfTrips(
    companyId: string,
    tripIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly ShipmentRecord[]>>;
  /** Per trip with shipments (a trip without any is left out), in one grouped query. */
  totalsOfTrips(
    companyId: string,
    tripIds: readonly string[],
  ): Promise<ReadonlyMap<string, TripShipmentTotals>>;
  /**
   * The totals of one list: a trip's shipments, or (`tripId` null) the unassociated ones;
   * undefined when it holds none.
   */
  totalsOfList(companyId: string, tripId: string | null): Promise<TripShipmentTotals | undefined>;
  /** The company's most recently changed shipments, newest first (description suggestions). */
  recent(companyId: string, limit: number): Promise<readonly ShipmentRecord[]>;
  /**
   * The company's shipments changed after `mark` (all of them without one), oldest change
   * first, at most `limit`: the next step of reading them into the description suggestions.
   */
  changedAfter(
    companyId: string,
    mark: ShipmentReadMark | undefined,
    limit: number,
  ): Promise<readonly ShipmentRecord[]>;
  /** One more than the highest position in the trip (or the unassociated list). */
  nextPosition(companyId: string, tripId: string | null): Promise<number>;
  /**
   * Makes the other transactions that add shipments to the trip (or the unassociated list)
   * this way wait until this one ends, so that what it reads of the list stays true until it
   * writes: two uploads of one file at once must not both find their shipments new.
   */
  lockList(companyId: string, tripId: string | null): Promise<void>;
}

export type ScnRegistration = 'registered' | 'already-this-shipment' | 'taken';

/** Every SCN a company ever used; rows are never deleted (an SCN is unique for 3 years). */
export interface ScnRegistry {
  register(
    companyId: string,
    scn: string,
    shipmentId: string,
    at: string,
  ): Promise<ScnRegistration>;
  /**
   * Registers each SCN for its new shipment; returns the SCNs another shipment already holds
   * (nothing is registered for those).
   */
  claim(
    companyId: string,
    claims: readonly { readonly scn: string; readonly shipmentId: string }[],
    at: string,
  ): Promise<ReadonlySet<string>>;
  /** Which of the given SCNs the company has already used. */
  used(companyId: string, scns: readonly string[]): Promise<ReadonlySet<string>>;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq'>;

export interface AuditRepository {
  /** Appends the entries in order, in as few statements as the database allows. */
  append(entries: readonly NewAuditEntry[]): Promise<void>;
  listForEntity(
    companyId: string,
    entityType: AuditEntry['entityType'],
    entityId: string,
  ): Promise<readonly AuditEntry[]>;
  /**
   * The trip's own entries and those of shipments while they belonged to it, oldest first: at
   * most `limit` of them, after the entry `afterSeq` (0 for the first).
   */
  listForTrip(
    companyId: string,
    tripId: string,
    page: { readonly afterSeq: number; readonly limit: number },
  ): Promise<readonly AuditEntry[]>;
}
