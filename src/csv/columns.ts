import { headerKey, TEMPLATE_COLUMNS, type ColumnLevel } from './template.js';

/**
 * Where each template column lands in the domain's Shipment / Commodity: the mapping both
 * ways (row → shipment, and a rule's JSON Pointer back to its column).
 */
export interface ColumnTarget {
  readonly header: string;
  readonly level: ColumnLevel;
  /** Field path inside the shipment (shipment level) or the commodity (commodity level). */
  readonly path: readonly string[];
}

const party = (role: 'shipper' | 'consignee'): Record<string, readonly string[]> => ({
  Name: [role, 'name'],
  Address: [role, 'address', 'addressLine'],
  City: [role, 'address', 'city'],
  'State/Province': [role, 'address', 'stateProvince'],
  'Postal Code': [role, 'address', 'postalCode'],
  Country: [role, 'address', 'country'],
});

const PATHS: Readonly<Record<string, readonly string[]>> = {
  SCN: ['shipmentControlNumber'],
  'Shipment Type': ['type'],
  'Province of Loading': ['provinceOfLoading'],
  'Order Reference': ['orderReference'],
  ...Object.fromEntries(Object.entries(party('shipper')).map(([k, v]) => [`Shipper ${k}`, v])),
  ...Object.fromEntries(Object.entries(party('consignee')).map(([k, v]) => [`Consignee ${k}`, v])),
  Broker: ['broker'],
  'Loaded On': ['loadedOn'],
  Description: ['description'],
  Quantity: ['quantity'],
  'Packaging Unit': ['packagingUnit'],
  Weight: ['weight'],
  'Weight Unit': ['weightUnit'],
  Value: ['value'],
  'Country of Origin': ['countryOfOrigin'],
  HTS: ['harmonizedCode'],
  'Marks and Numbers': ['marksAndNumbers'],
  'Hazmat UN Number': ['hazmat', 'unNumber'],
  'Emergency Contact Name': ['hazmat', 'emergencyContact', 'name'],
  'Emergency Contact Phone': ['hazmat', 'emergencyContact', 'phone'],
  'Emergency Contact Email': ['hazmat', 'emergencyContact', 'email'],
};

export const COLUMN_TARGETS: readonly ColumnTarget[] = TEMPLATE_COLUMNS.map((column) => {
  const path = PATHS[column.header];
  if (path === undefined) throw new Error(`template column ${column.header} has no target`);
  return { header: column.header, level: column.level, path };
});

export const COLUMN_BY_KEY: ReadonlyMap<string, ColumnTarget> = new Map(
  COLUMN_TARGETS.map((column) => [headerKey(column.header), column]),
);

/**
 * The column a JSON Pointer inside a shipment or commodity came from: the column whose field
 * is the pointer or contains it, else the first column inside the pointed-to object (a missing
 * consignee is reported at Consignee Name).
 */
export function columnForPointer(level: ColumnLevel, pointer: readonly string[]): string | null {
  const candidates = COLUMN_TARGETS.filter((column) => column.level === level);
  const containing = candidates.find((column) =>
    column.path.every((segment, i) => pointer[i] === segment),
  );
  if (containing !== undefined) return containing.header;
  if (pointer.length === 0) return null;
  const inside = candidates.find((column) =>
    pointer.every((segment, i) => column.path[i] === segment),
  );
  return inside?.header ?? null;
}
