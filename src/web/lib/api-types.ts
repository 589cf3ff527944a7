/**
 * The API's shapes, taken from the zod schemas the server validates and documents with
 * (src/api/schemas): the web app cannot drift from the API without failing to compile.
 * Type-only imports: no server code reaches the bundle.
 */
import type { z } from 'zod';
import type { companyChoiceSchema, roleSchema, sessionSchema } from '../../api/schemas/accounts.js';
import type { partyRecordSchema, profileRecordSchema } from '../../api/schemas/master-data.js';
import type {
  shipmentRecordSchema,
  shipmentResultSchema,
  tripListItemSchema,
  tripRecordSchema,
  tripResultSchema,
} from '../../api/schemas/trips.js';

export type Session = z.output<typeof sessionSchema>;
export type Role = z.output<typeof roleSchema>;
export type CompanyChoice = z.output<typeof companyChoiceSchema>;
export type TripListItem = z.output<typeof tripListItemSchema>;
export type ShipmentRecord = z.output<typeof shipmentRecordSchema>;

/** Every list answers one page and the cursor of the next (docs/api.md, Pagination). */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

// The editors' shapes: one trip, one shipment, address-book and profile records, issues.
export type { Commodity, Issue, Party, Shipment, TripDocument } from '../../domain/index.js';
export type TripRecord = z.output<typeof tripRecordSchema>;
export type TripResult = z.output<typeof tripResultSchema>;
export type ShipmentResult = z.output<typeof shipmentResultSchema>;
export type PartyRecord = z.output<typeof partyRecordSchema>;
export type ProfileRecord = z.output<typeof profileRecordSchema>;
