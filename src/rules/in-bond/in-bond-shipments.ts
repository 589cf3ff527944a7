import type { InBond, ManifestDocument } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { shipmentsOf, type LocatedShipment } from '../support/shipments.js';

export interface LocatedInBond {
  readonly located: LocatedShipment;
  readonly inBond: InBond;
  /** JSON Pointer of the in-bond data, `/shipments/3/inBond`. */
  readonly path: string;
}

/**
 * The carrier-filed in-bond movements of a document: shipments of type IN_BOND that carry
 * in-bond data. QP in-bonds are filed by the broker through ABI, so their data is not checked
 * here (in-bond-data warns when it is given at all).
 */
export function carrierInBonds(document: ManifestDocument): LocatedInBond[] {
  return shipmentsOf(document).flatMap((located) =>
    located.shipment.type === 'IN_BOND' && located.shipment.inBond !== undefined
      ? [{ located, inBond: located.shipment.inBond, path: childPointer(located.path, 'inBond') }]
      : [],
  );
}

/** Shipments of type IN_BOND, whether or not their in-bond data is filled in yet. */
export function carrierInBondShipments(document: ManifestDocument): LocatedShipment[] {
  return shipmentsOf(document).filter(({ shipment }) => shipment.type === 'IN_BOND');
}
