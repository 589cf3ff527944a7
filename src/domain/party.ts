import { z } from 'zod';

/**
 * Shippers, consignees and brokers. Field names follow the best-known commercial eManifest
 * JSON (docs/trip-document.md) so existing integrations migrate without renaming.
 * The shape only checks JSON types; required fields are rules, so drafts can be saved.
 */
export const addressSchema = z.strictObject({
  addressLine: z.string().optional(),
  city: z.string().optional(),
  /** ISO 3166-2 subdivision code without the country prefix: `ON`, `TX`, `BCN`. */
  stateProvince: z.string().optional(),
  postalCode: z.string().optional(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const partySchema = z.strictObject({
  name: z.string().optional(),
  address: addressSchema.optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type Party = z.infer<typeof partySchema>;

/** A customs broker: files the entry against a PAPS SCN. Chosen from the address book. */
export const brokerSchema = z.strictObject({
  name: z.string().optional(),
  /** The broker's 3-character CBP filer code. */
  filerCode: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address: addressSchema.optional(),
});
export type Broker = z.infer<typeof brokerSchema>;
