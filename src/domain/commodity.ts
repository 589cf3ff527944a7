import { z } from 'zod';

/** Which piece of equipment carries the goods: the truck itself or one of the trip's trailers. */
export const loadedOnSchema = z.strictObject({
  type: z.string().optional(),
  number: z.string().optional(),
});
export type LoadedOn = z.infer<typeof loadedOnSchema>;

export const emergencyContactSchema = z.strictObject({
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});

/** Dangerous goods data; its presence makes the commodity hazmat. */
export const hazmatSchema = z.strictObject({
  /** UN/NA identification number, 4 digits (49 CFR 172.101). */
  unNumber: z.string().optional(),
  emergencyContact: emergencyContactSchema.optional(),
});
export type Hazmat = z.infer<typeof hazmatSchema>;

export const commoditySchema = z.strictObject({
  loadedOn: loadedOnSchema.optional(),
  description: z.string().optional(),
  quantity: z.number().optional(),
  packagingUnit: z.string().optional(),
  weight: z.number().optional(),
  /** `L` / `LB` pounds, `K` / `KG` kilograms. */
  weightUnit: z.string().optional(),
  /** Value in U.S. dollars. */
  value: z.number().optional(),
  countryOfOrigin: z.string().optional(),
  harmonizedCode: z.string().optional(),
  marksAndNumbers: z.array(z.string()).optional(),
  hazmat: hazmatSchema.optional(),
});
export type Commodity = z.infer<typeof commoditySchema>;
