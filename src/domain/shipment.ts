import { z } from 'zod';
import { brokerSchema, partySchema } from './party.js';
import { commoditySchema } from './commodity.js';
import { IGNORED_SHIPMENT_TRANSPORT_FIELDS, withoutFields } from './transport-fields.js';

/** Carrier-filed ACE in-bond movement data (19 CFR 18). */
export const inBondSchema = z.strictObject({
  /** 9-digit in-bond control number. */
  number: z.string().optional(),
  /** 61 immediate transportation, 62 transportation and exportation, 63 immediate exportation. */
  type: z.string().optional(),
  /** Schedule D code of the U.S. port where the bond ends. */
  destinationPort: z.string().optional(),
  /** Country the goods leave to (62/63): ISO 3166-1 alpha-2. */
  foreignDestination: z.string().optional(),
  /** FIRMS code of the bonded facility at destination. */
  firmsCode: z.string().optional(),
});
export type InBond = z.infer<typeof inBondSchema>;

/**
 * A shipment as it stands in a trip, in a list of unassociated shipments, or alone in an API
 * body. Transport fields the commercial API repeats on nested shipments are dropped first.
 */
export const shipmentSchema = z.preprocess(
  withoutFields(IGNORED_SHIPMENT_TRANSPORT_FIELDS),
  z.strictObject({
    /** A CBP ACE shipment type (docs/code-lists.md): PAPS, SECTION_321, … */
    type: z.string().optional(),
    shipmentControlNumber: z.string().optional(),
    /** Where the carrier took the goods on: state/province code. */
    provinceOfLoading: z.string().optional(),
    shipper: partySchema.optional(),
    consignee: partySchema.optional(),
    broker: brokerSchema.optional(),
    /** The order or contract this shipment belongs to: split lots share it (19 CFR 10.151). */
    orderReference: z.string().optional(),
    inBond: inBondSchema.optional(),
    commodities: z.array(commoditySchema).optional(),
  }),
);
export type Shipment = z.infer<typeof shipmentSchema>;

/**
 * Shipments released without a broker's entry, for which the driver carries papers of their
 * own: Section 321, intangibles and the CBP-form types (7523, 3311, 3299, …); PAPS and in-bond
 * shipments travel on the lead sheet (CBP, ACE e-Manifest: Truck Carriers, shipment types).
 */
export function isInformal(shipment: Pick<Shipment, 'type'>): boolean {
  const type = shipment.type ?? '';
  return type === 'SECTION_321' || type === 'INTANGIBLES' || type.startsWith('ATTACHED_');
}
