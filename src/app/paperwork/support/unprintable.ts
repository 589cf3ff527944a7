import type { Issue } from '../../../domain/index.js';
import { validationFailed, type AppError } from '../../shared/errors.js';

/**
 * The trip's data would print a QR code CBP officers cannot read (CBP's ACE Truck Manifest QR
 * Specifications Guide; CSMS #64710039): refused with the fields named, never bent.
 */
export function unprintable(what: string, issues: readonly Issue[]): AppError {
  return validationFailed(
    `The ${what} cannot be printed: the trip's data would make an unreadable CBP QR code; see issues.`,
    issues,
  );
}
