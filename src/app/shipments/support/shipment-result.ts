import type { Issue } from '../../../domain/index.js';
import type { ShipmentRecord } from '../../shared/records.js';

/**
 * What a use case that writes one shipment returns: the saved shipment and its issues, with
 * paths relative to the shipment (`/commodities/0/value`).
 */
export interface ShipmentResult {
  readonly shipment: ShipmentRecord;
  readonly issues: readonly Issue[];
}
