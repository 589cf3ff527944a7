import { z } from 'zod';
import { licensePlateSchema, liftSinglePlate } from './conveyance.js';

/** A trailer or container (equipment). */
export const trailerSchema = z.preprocess(
  liftSinglePlate,
  z.strictObject({
    number: z.string().optional(),
    /** CBP ACE equipment type code (docs/code-lists.md). */
    type: z.string().optional(),
    licensePlates: z.array(licensePlateSchema).optional(),
    sealNumbers: z.array(z.string()).optional(),
  }),
);
export type Trailer = z.infer<typeof trailerSchema>;

/** Reusable racks, pallets and containers declared at trip level (19 CFR 10.41a). */
export const instrumentOfInternationalTrafficSchema = z.strictObject({
  /** EC empty/carrier bond, EI empty/importer bond, MC loaded/carrier bond, MI loaded/importer bond. */
  type: z.string().optional(),
  quantity: z.number().optional(),
  description: z.string().optional(),
});
export type InstrumentOfInternationalTraffic = z.infer<
  typeof instrumentOfInternationalTrafficSchema
>;
