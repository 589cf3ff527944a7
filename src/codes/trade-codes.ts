/**
 * Small closed code lists from the trade itself: values of the trip document (docs/trip-document.md),
 * ANSI X12 codes as the ACE Truck Manifest implementation guide uses them, and CFR lists.
 * Each is `as const` so the compiler knows every member.
 */

/** Where a commodity is loaded (commercial JSON `loadedOn.type`). */
export const LOADED_ON_TYPES = ['TRUCK', 'TRAILER'] as const;

/** Weight units: the commercial JSON letters (X12 weight unit codes L and K) and their spelled-out forms. */
export const WEIGHT_UNITS = { L: 'pounds', LB: 'pounds', K: 'kilograms', KG: 'kilograms' } as const;

/** In-bond types: 61 immediate transportation, 62 transportation and exportation, 63 immediate exportation (19 CFR 18). */
export const IN_BOND_TYPES = {
  '61': 'Immediate Transportation (IT)',
  '62': 'Transportation and Exportation (T&E)',
  '63': 'Immediate Exportation (IE)',
} as const;

/** Instruments of International Traffic (19 CFR 10.41a): loaded or empty, carrier's or importer's bond. */
export const IIT_TYPES = {
  EC: 'Empty, carrier bond',
  EI: 'Empty, importer bond',
  MC: 'With merchandise, carrier bond',
  MI: 'With merchandise, importer bond',
} as const;

/** Genders as ACE takes them (CBP ACE eManifest: Highway Carrier Requirements). */
export const GENDERS = { M: 'male', F: 'female' } as const;

export function isOneOf<T extends object>(
  table: T,
  code: string,
): code is Extract<keyof T, string> {
  return Object.hasOwn(table, code);
}
