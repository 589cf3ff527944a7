import type { Generated } from 'kysely';

/**
 * Row types of every table, as Kysely sees them. Portable on SQLite and PostgreSQL: text ids,
 * integer versions, ISO-8601 timestamps as text, JSON documents as text. Domain types never
 * mirror these rows; the mapping functions in repositories/*.ts translate.
 */
export interface Database {
  rate_limits: RateLimitTable;
  invitations: InvitationTable;
  driver_links: DriverLinkTable;
  companies: CompanyTable;
  company_logos: CompanyLogoTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  parties: PartyTable;
  party_search_terms: PartySearchTermTable;
  profiles: ProfileTable;
  trips: TripTable;
  shipments: ShipmentTable;
  scn_registry: ScnRegistryTable;
  trip_number_registry: TripNumberRegistryTable;
  templates: TemplateTable;
  audit_log: AuditLogTable;
  edi_identities: EdiIdentityTable;
  sender_id_registry: SenderIdRegistryTable;
  transmissions: TransmissionTable;
  interchange_archive: InterchangeArchiveTable;
  filing_states: FilingStateTable;
  filing_documents: FilingDocumentTable;
  filing_history: FilingHistoryTable;
  transport_cursors: TransportCursorTable;
  alert_settings: AlertSettingsTable;
  webhook_endpoints: WebhookEndpointTable;
  alert_deliveries: AlertDeliveryTable;
  commodity_descriptions: CommodityDescriptionTable;
  commodity_description_marks: CommodityDescriptionMarkTable;
}

/** A description a company used, folded, with the units last used (migration 0017). */
export interface CommodityDescriptionTable {
  company_id: string;
  folded: string;
  description: string;
  packaging_unit: string | null;
  weight_unit: string | null;
  used_at: string;
}

/** How far a company's shipments were read into commodity_descriptions: (updated_at, id). */
export interface CommodityDescriptionMarkTable {
  company_id: string;
  updated_at: string;
  shipment_id: string;
}

/** Every sender ID a company has held; never deleted (migration 0016). */
export interface SenderIdRegistryTable {
  sender_id: string;
  company_id: string;
  first_used_at: string;
}

export interface EdiIdentityTable {
  company_id: string;
  sender_id: string;
  next_control_number: number;
}

export interface TransmissionTable {
  seq: Generated<number>;
  id: string;
  company_id: string;
  trip_id: string;
  trip_number: string;
  set_id: string;
  purpose: string;
  control_number: number;
  scns_json: string;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface InterchangeArchiveTable {
  seq: Generated<number>;
  id: string;
  company_id: string | null;
  trip_id: string | null;
  direction: string;
  set_id: string | null;
  control_number: string | null;
  at: string;
  text: string;
  problem: string | null;
}

export interface FilingStateTable {
  company_id: string;
  trip_id: string;
  scn: string;
  status: string;
  sent_action: string | null;
  updated_at: string;
}

/** The documents of a filing state, by the same key (migration 0022). */
export interface FilingDocumentTable {
  company_id: string;
  trip_id: string;
  scn: string;
  accepted_json: string | null;
  sent_snapshot_json: string | null;
}

export interface FilingHistoryTable {
  seq: Generated<number>;
  company_id: string;
  trip_id: string;
  scn: string;
  status: string;
  at: string;
  detail_json: string;
  archive_id: string | null;
}

export interface TransportCursorTable {
  name: string;
  cursor: string;
}

export interface CompanyTable {
  id: string;
  name: string;
  scac: string;
  default_port_of_arrival: string | null;
  trip_number_prefix: string;
  /** 'test' or 'production': ISA15 of the company's interchanges (migration 0018). */
  filing_mode: Generated<string>;
  next_trip_sequence: number;
  next_scn_sequence: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  /** Always lower-cased, so the unique index is case-insensitive on both databases. */
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}

export interface MembershipTable {
  user_id: string;
  company_id: string;
  role: string;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie secret: a leaked database does not yield live sessions. */
  id_hash: string;
  user_id: string;
  company_id: string;
  csrf_secret: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  company_id: string;
  name: string;
  role: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PartyTable {
  id: string;
  company_id: string;
  kind: string;
  name_normalized: string;
  city_normalized: string;
  postal_normalized: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One row per (word prefix source, party): the quick-assign index, see docs/storage.md. */
export interface PartySearchTermTable {
  company_id: string;
  term: string;
  kind: string;
  party_id: string;
}

export interface ProfileTable {
  id: string;
  company_id: string;
  kind: string;
  name: string;
  /** The folded name: the page order. */
  name_normalized: string;
  /** Folded words a dispatcher searches by (see profileSearchColumns). */
  search_text: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TripTable {
  id: string;
  company_id: string;
  trip_number: string;
  status: string;
  port_of_arrival: string | null;
  /** Port-local `YYYY-MM-DD HH:MM:SS` copied from the document: sorts and filters as text. */
  estimated_arrival: string | null;
  search_text: string;
  /** The trip document without its shipments (they live in `shipments`). */
  document: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ShipmentTable {
  id: string;
  company_id: string;
  trip_id: string | null;
  position: number;
  scn: string;
  search_text: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ScnRegistryTable {
  company_id: string;
  scn: string;
  /** The shipment that first used the SCN; it may set it again, nobody else may. */
  shipment_id: string;
  first_used_at: string;
}

export interface TripNumberRegistryTable {
  company_id: string;
  trip_number: string;
  /** The trip that first used the number; only it may take the number again. */
  trip_id: string;
  first_used_at: string;
}

export interface TemplateTable {
  id: string;
  company_id: string;
  name: string;
  document: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  company_id: string;
  actor_user_id: string | null;
  actor_token_id: string | null;
  at: string;
  entity_type: string;
  entity_id: string;
  trip_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface RateLimitTable {
  key: string;
  count: number;
  /** Milliseconds since the epoch; PostgreSQL bigint arrives as a string. */
  reset_at: number | string;
}

export interface InvitationTable {
  id: string;
  company_id: string;
  email: string;
  role: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface DriverLinkTable {
  id: string;
  company_id: string;
  trip_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AlertSettingsTable {
  company_id: string;
  dispatcher_emails_json: string;
  email_brokers: number;
  email_drivers: number;
  updated_at: string;
}

export interface WebhookEndpointTable {
  id: string;
  company_id: string;
  url: string;
  events_json: string;
  active: number;
  secret: string;
  created_at: string;
}

export interface AlertDeliveryTable {
  seq: Generated<number>;
  id: string;
  company_id: string;
  event_id: string;
  event_type: string;
  trip_id: string;
  channel: string;
  endpoint_id: string | null;
  recipient: string;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
export interface CompanyLogoTable {
  company_id: string;
  media_type: string;
  width: number;
  height: number;
  /** BLOB (SQLite) or bytea (PostgreSQL): both drivers answer a Buffer. */
  bytes: Uint8Array;
  updated_at: string;
}
