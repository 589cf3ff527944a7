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

/** A shipper or consignee is a party; a broker also has a filer code and contact e-mail. */
export const partyInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal(['shipper', 'consignee']), party: partySchema }),
  z.strictObject({ kind: z.literal('broker'), party: brokerSchema }),
]);

export const partyRecordSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...versioned, kind: z.literal(['shipper', 'consignee']), party: partySchema }),
    z.object({ ...versioned, kind: z.literal('broker'), party: brokerSchema }),
  ])
  .meta({ id: 'PartyRecord' });

export const profileKindSchema = z.enum(['truck', 'trailer', 'driver', 'passenger']);

export const profileInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('truck'), name: z.string().max(200), data: truckSchema }),
  z.strictObject({ kind: z.literal('trailer'), name: z.string().max(200), data: trailerSchema }),
  z.strictObject({
    kind: z.literal('driver'),
    name: z.string().max(200),
    data: driverProfileSchema,
  }),
  z.strictObject({ kind: z.literal('passenger'), name: z.string().max(200), data: personSchema }),
]);

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
