import type {
  Broker,
  Party,
  DriverProfile,
  Person,
  Shipment,
  Trailer,
  TripDocument,
  Truck,
} from '../../domain/index.js';
import type { Role } from './actor.js';

/**
 * What the use cases read and write. Storage maps rows to these (repositories/*.ts); nothing
 * here mirrors a column. Timestamps are ISO-8601 UTC strings.
 */
export interface Company {
  readonly id: string;
  readonly name: string;
  readonly scac: string;
  readonly defaultPortOfArrival: string | null;
  readonly tripNumberPrefix: string;
  /**
   * Whether its interchanges go to CBP as tests (certification) or for real: ISA15 T or P
   * (docs/edi.md, the filing mode). Every company starts in test mode.
   */
  readonly filingMode: FilingMode;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type FilingMode = 'test' | 'production';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly createdAt: string;
}

export interface Membership {
  readonly userId: string;
  readonly companyId: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface Session {
  /** SHA-256 of the secret in the cookie; the secret itself is never stored. */
  readonly idHash: string;
  readonly userId: string;
  readonly companyId: string;
  readonly csrfSecret: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface ApiToken {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  readonly role: Role;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export type PartyKind = 'shipper' | 'consignee' | 'broker';
export const PARTY_KINDS: readonly PartyKind[] = ['shipper', 'consignee', 'broker'];

export interface Versioned {
  readonly id: string;
  readonly companyId: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An address-book entry. A broker carries its filer code and contact e-mail. */
export type PartyRecord = Versioned &
  (
    | { readonly kind: 'shipper' | 'consignee'; readonly party: Party }
    | { readonly kind: 'broker'; readonly party: Broker }
  );

export type ProfileKind = 'truck' | 'trailer' | 'driver' | 'passenger';
export const PROFILE_KINDS: readonly ProfileKind[] = ['truck', 'trailer', 'driver', 'passenger'];

/** A reusable truck, trailer or person; copied into a trip when picked, never linked. */
export type ProfileRecord = Versioned & { readonly name: string } & (
    | { readonly kind: 'truck'; readonly data: Truck }
    | { readonly kind: 'trailer'; readonly data: Trailer }
    | { readonly kind: 'driver'; readonly data: DriverProfile }
    | { readonly kind: 'passenger'; readonly data: Person }
  );

export type TripStatus = 'draft' | 'filed' | 'cancelled';
/** Every trip status, for the readers that check a word against them (storage, CLI). */
export const TRIP_STATUSES: readonly TripStatus[] = ['draft', 'filed', 'cancelled'];

export interface TripRecord extends Versioned {
  readonly tripNumber: string;
  readonly status: TripStatus;
  /**
   * The trip document without its shipments. `shipments: []` is kept as a placeholder when
   * the document had the key, so an export puts the list back where it was (lossless).
   */
  readonly document: TripDocument;
}

export interface ShipmentRecord extends Versioned {
  /** null: unassociated, to be attached to a trip later. */
  readonly tripId: string | null;
  /** Order within the trip (or within the unassociated list); gaps are allowed. */
  readonly position: number;
  readonly shipment: Shipment;
}

export interface TemplateRecord extends Versioned {
  readonly name: string;
  readonly document: TripDocument;
}

export type AuditEntityType =
  | 'company'
  | 'user'
  | 'membership'
  | 'api_token'
  | 'party'
  | 'profile'
  | 'trip'
  | 'shipment'
  | 'template'
  | 'webhook'
  | 'alert_settings';

export interface AuditEntry {
  readonly seq: number;
  readonly companyId: string;
  readonly actorUserId: string | null;
  readonly actorTokenId: string | null;
  readonly at: string;
  readonly entityType: AuditEntityType;
  readonly entityId: string;
  /** The trip the change belongs to, so a trip's history includes its shipments. */
  readonly tripId: string | null;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A page of a list; pass `nextCursor` back to get the following page (null: last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface PageRequest {
  /** Opaque: from a previous page's `nextCursor`. */
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}
