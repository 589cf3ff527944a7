import { z } from 'zod';

export const licensePlateSchema = z.strictObject({
  number: z.string().optional(),
  stateProvince: z.string().optional(),
  country: z.string().optional(),
});
export type LicensePlate = z.infer<typeof licensePlateSchema>;

/** Required only when a commodity on the trip is hazmat (CBP ACE eManifest: Highway Carrier Requirements). */
export const insurancePolicySchema = z.strictObject({
  insuranceCompanyName: z.string().optional(),
  policyNumber: z.string().optional(),
  /** YYYY-MM-DD */
  issuedDate: z.string().optional(),
  /** U.S. dollars. */
  policyAmount: z.number().optional(),
});
export type InsurancePolicy = z.infer<typeof insurancePolicySchema>;

/**
 * Older integrations send one `licensePlate` object instead of `licensePlates[]`; it counts as
 * one plate. Normalised here so the rest of the system sees a single shape.
 */
export function liftSinglePlate(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  if (!('licensePlate' in record)) return input;
  const { licensePlate, ...rest } = record;
  if (rest['licensePlates'] !== undefined) return input; // both given: let the shape report it
  return { ...rest, licensePlates: licensePlate === undefined ? [] : [licensePlate] };
}

/** The truck (conveyance). */
export const truckSchema = z.preprocess(
  liftSinglePlate,
  z.strictObject({
    /** The carrier's unit number. */
    number: z.string().optional(),
    type: z.string().optional(),
    vinNumber: z.string().optional(),
    dotNumber: z.string().optional(),
    transponderNumber: z.string().optional(),
    licensePlates: z.array(licensePlateSchema).optional(),
    sealNumbers: z.array(z.string()).optional(),
    insurancePolicy: insurancePolicySchema.optional(),
  }),
);
export type Truck = z.infer<typeof truckSchema>;
