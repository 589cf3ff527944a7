import type { ManifestDocument } from '../../domain/index.js';
import type { RuleContext } from '../rule.js';

/** A Standard Carrier Alpha Code: exactly 4 letters A–Z (NMFTA; 19 CFR 123.92). */
export function isScac(value: string): boolean {
  return /^[A-Z]{4}$/.test(value);
}

export interface CarrierScac {
  readonly scac: string;
  /**
   * Where it came from, for messages: the reader must know which value to correct. `carrier`:
   * the company's own (or the CLI's `--scac`), named as the carrier's SCAC and nothing more, so
   * the same message reads right in the web app, the API and the CLI.
   */
  readonly origin: 'carrier' | 'from the trip number';
}

/**
 * The carrier's SCAC: the one given explicitly (CLI `--scac`, the company in the API) when it
 * is well-formed, otherwise the first 4 characters of the trip number, which ACE builds as
 * SCAC + suffix. Undefined when neither says: a shipment list without `--scac`, or a malformed
 * `--scac` (reported by the carrier-scac rule rather than compared against everything).
 */
export function carrierScac(
  document: ManifestDocument,
  context: RuleContext,
): CarrierScac | undefined {
  if (context.scac !== undefined) {
    return isScac(context.scac) ? { scac: context.scac, origin: 'carrier' } : undefined;
  }
  if (document.data !== 'ACE_TRIP' || document.tripNumber === undefined) return undefined;
  const prefix = document.tripNumber.trim().slice(0, 4);
  return isScac(prefix) ? { scac: prefix, origin: 'from the trip number' } : undefined;
}
