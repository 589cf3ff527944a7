/**
 * Fields of the commercial eManifest API's request envelope. Integrations migrating from it send
 * them on the trip and, in many integrations, again on every shipment nested in it (`data`,
 * `sendId`, `operation`). They say how to deliver a request, not what is on the truck, so they
 * are dropped on the way in wherever they appear, and never written out.
 */
export const IGNORED_TRANSPORT_FIELDS = ['sendId', 'companyKey', 'operation', 'autoSend'] as const;

/**
 * On a nested shipment `data` is transport too (it repeats `ACE_SHIPMENT`); on the document
 * itself it says which kind of document it is, so it is kept there.
 */
export const IGNORED_SHIPMENT_TRANSPORT_FIELDS = ['data', ...IGNORED_TRANSPORT_FIELDS] as const;

/** A preprocess step: the same object without the named keys (anything else passes through). */
export function withoutFields(keys: readonly string[]): (input: unknown) => unknown {
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    if (!keys.some((key) => Object.hasOwn(input, key))) return input;
    return Object.fromEntries(Object.entries(input).filter(([key]) => !keys.includes(key)));
  };
}
