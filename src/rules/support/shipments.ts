import type { Commodity, ManifestDocument, Shipment } from '../../domain/index.js';
import { pointer } from '../../domain/index.js';

export interface LocatedShipment {
  readonly shipment: Shipment;
  readonly index: number;
  /** JSON Pointer of the shipment, `/shipments/3`. */
  readonly path: string;
}

export interface LocatedCommodity {
  readonly commodity: Commodity;
  readonly shipment: LocatedShipment;
  readonly index: number;
  /** JSON Pointer of the commodity, `/shipments/3/commodities/0`. */
  readonly path: string;
}

// Paths are built only when read: most commodities raise no issue, and on a 10,000-shipment
// trip building every pointer up front cost more than the checks themselves.
export function shipmentsOf(document: ManifestDocument): LocatedShipment[] {
  return (document.shipments ?? []).map((shipment, index) => ({
    shipment,
    index,
    get path() {
      return pointer('shipments', index);
    },
  }));
}

export function commoditiesOf(located: LocatedShipment): LocatedCommodity[] {
  return (located.shipment.commodities ?? []).map((commodity, index) => ({
    commodity,
    shipment: located,
    index,
    get path() {
      return `${located.path}${pointer('commodities', index)}`;
    },
  }));
}

export function allCommodities(document: ManifestDocument): LocatedCommodity[] {
  return shipmentsOf(document).flatMap(commoditiesOf);
}

/** A string counts as given when it has something besides white space. */
export function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}
