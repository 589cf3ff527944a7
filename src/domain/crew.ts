import { z } from 'zod';

export const travelDocumentSchema = z.strictObject({
  /** CBP ACE travel document code (docs/code-lists.md; 5K = commercial driver's licence). */
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

/**
 * A driver: a person, plus the commercial API's `driverNumber`, its reference to the driver
 * profile saved with that service. It is kept with the driver, stored and exported as given, so
 * an integration can match drivers by its own numbers after migrating.
 */
export const driverSchema = personSchema.extend({
  driverNumber: z.string().optional(),
});
export type Driver = z.infer<typeof driverSchema>;

/**
 * A saved driver profile: a person, plus the driver's e-mail for filing alerts and the lead
 * sheet. The e-mail is the carrier's own contact data, not part of the eManifest: the trip
 * document's crew has no e-mail, so it stays with the profile and is not copied into a trip.
 */
export const driverProfileSchema = personSchema.extend({
  email: z.string().optional(),
});
export type DriverProfile = z.infer<typeof driverProfileSchema>;

/** The crew member a driver profile puts on a trip: the person, without the profile's e-mail. */
export function crewMemberOf(driver: DriverProfile): Person {
  const { email: _email, ...person } = driver;
  return person;
}
