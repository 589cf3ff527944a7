import { z } from 'zod';

export const travelDocumentSchema = z.strictObject({
  /** Code from shared/reference/data/travel-document-types.csv (5K = commercial driver's licence). */
  type: z.string().optional(),
  number: z.string().optional(),
  country: z.string().optional(),
  stateProvince: z.string().optional(),
});
export type TravelDocument = z.infer<typeof travelDocumentSchema>;

/** A driver or passenger. */
export const personSchema = z.strictObject({
  firstName: z.string().optional(),
  middleName: z.string().optional(),
  lastName: z.string().optional(),
  gender: z.string().optional(),
  /** YYYY-MM-DD */
  dateOfBirth: z.string().optional(),
  citizenshipCountry: z.string().optional(),
  fastCardNumber: z.string().optional(),
  aceId: z.string().optional(),
  travelDocuments: z.array(travelDocumentSchema).optional(),
});
export type Person = z.infer<typeof personSchema>;
