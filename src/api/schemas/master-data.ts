/** Address book and profile shapes, built from the domain's own zod schemas. */
import { z } from 'zod';
import {
  brokerSchema,
  driverProfileSchema,
  partySchema,
  personSchema,
  trailerSchema,
  truckSchema,
} from '../../domain/index.js';

const versioned = {
  id: z.string(),
  version: z.number().int().describe('Send it back in If-Match when you change the record.'),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const partyKindSchema = z.enum(['shipper', 'consignee', 'broker']);

/** Copied into trips as it is, so checked against CBP's bounds when saved (docs/api.md). */
const BOOK_TEXTS =
  'Each text holds at most 256 characters (else 422 TEXT_TOO_LONG) and no half of a UTF-16 surrogate pair on its own (else 422 TEXT_LONE_SURROGATE), at the JSON Pointer of the field.';

/** A shipper or consignee is a party; a broker also has a filer code and contact e-mail. */
export const partyInputSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal(['shipper', 'consignee']), party: partySchema }),
    z.strictObject({ kind: z.literal('broker'), party: brokerSchema }),
  ])
  .describe(`A shipper, consignee or broker. ${BOOK_TEXTS}`);

export const partyRecordSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...versioned, kind: z.literal(['shipper', 'consignee']), party: partySchema }),
    z.object({ ...versioned, kind: z.literal('broker'), party: brokerSchema }),
  ])
  .meta({ id: 'PartyRecord' });

export const profileKindSchema = z.enum(['truck', 'trailer', 'driver', 'passenger']);

export const profileInputSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('truck'), name: z.string().max(200), data: truckSchema }),
    z.strictObject({ kind: z.literal('trailer'), name: z.string().max(200), data: trailerSchema }),
    z.strictObject({
      kind: z.literal('driver'),
      name: z.string().max(200),
      data: driverProfileSchema,
    }),
    z.strictObject({ kind: z.literal('passenger'), name: z.string().max(200), data: personSchema }),
  ])
  .describe(`A truck, trailer, driver or passenger to reuse on trips. ${BOOK_TEXTS}`);

export const profileRecordSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...versioned, kind: z.literal('truck'), name: z.string(), data: truckSchema }),
    z.object({ ...versioned, kind: z.literal('trailer'), name: z.string(), data: trailerSchema }),
    z.object({
      ...versioned,
      kind: z.literal('driver'),
      name: z.string(),
      data: driverProfileSchema,
    }),
    z.object({ ...versioned, kind: z.literal('passenger'), name: z.string(), data: personSchema }),
  ])
  .meta({ id: 'ProfileRecord' });
