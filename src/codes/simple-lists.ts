import type { CodeNameRow, ShipmentTypeRow, TravelDocumentRow } from './code-list-rows.js';
import { EQUIPMENT_TYPES } from './data/equipment-types.js';
import { PACKAGING_UNITS } from './data/packaging-units.js';
import { SHIPMENT_TYPES } from './data/shipment-types.js';
import { TRAVEL_DOCUMENT_TYPES } from './data/travel-document-types.js';

function index<T extends CodeNameRow>(rows: readonly T[]): (code: string) => T | undefined {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return (code) => byCode.get(code);
}

export const findPackagingUnit: (code: string) => CodeNameRow | undefined = index(PACKAGING_UNITS);
export const findEquipmentType: (code: string) => CodeNameRow | undefined = index(EQUIPMENT_TYPES);
export const findTravelDocumentType: (code: string) => TravelDocumentRow | undefined =
  index(TRAVEL_DOCUMENT_TYPES);
export const findShipmentType: (code: string) => ShipmentTypeRow | undefined =
  index(SHIPMENT_TYPES);

export { EQUIPMENT_TYPES, PACKAGING_UNITS, SHIPMENT_TYPES, TRAVEL_DOCUMENT_TYPES };
