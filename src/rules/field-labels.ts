import type { ManifestDocument } from '../domain/index.js';
import { pointerTokens } from '../domain/index.js';

/**
 * Names a JSON Pointer in the dispatcher's words: `/shipments/1/commodities/0/weight` →
 * "Shipment 2 (SCN DEMO0001) › Commodity 1 › Weight". Shared by the CLI's text report and,
 * later, the web app, so both speak the same language.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  data: 'Document kind',
  tripNumber: 'Trip number',
  usPortOfArrival: 'U.S. port of arrival',
  estimatedArrivalDateTime: 'Estimated arrival (ETA)',
  truck: 'Truck',
  trailers: 'Trailer',
  drivers: 'Driver',
  passengers: 'Passenger',
  instrumentsOfInternationalTraffic: 'Instrument of international traffic',
  shipments: 'Shipment',
  type: 'Type',
  shipmentControlNumber: 'Shipment control number (SCN)',
  provinceOfLoading: 'Province/state of loading',
  shipper: 'Shipper',
  consignee: 'Consignee',
  broker: 'Broker',
  orderReference: 'Order reference',
  inBond: 'In-bond',
  commodities: 'Commodity',
  loadedOn: 'Loaded on',
  description: 'Description',
  quantity: 'Quantity',
  packagingUnit: 'Packaging unit',
  weight: 'Weight',
  weightUnit: 'Weight unit',
  value: 'Value (US$)',
  countryOfOrigin: 'Country of origin',
  harmonizedCode: 'HTS code',
  marksAndNumbers: 'Marks and numbers',
  hazmat: 'Hazmat',
  unNumber: 'UN/NA number',
  emergencyContact: 'Emergency contact',
  name: 'Name',
  address: 'Address',
  addressLine: 'Street address',
  city: 'City',
  stateProvince: 'State/province',
  postalCode: 'Postal code',
  country: 'Country',
  phone: 'Phone',
  email: 'E-mail',
  filerCode: 'Filer code',
  number: 'Number',
  destinationPort: 'Destination port',
  foreignDestination: 'Foreign destination',
  firmsCode: 'FIRMS code',
  vinNumber: 'VIN',
  dotNumber: 'DOT number',
  transponderNumber: 'Transponder number',
  licensePlates: 'Licence plate',
  sealNumbers: 'Seal',
  insurancePolicy: 'Insurance policy',
  insuranceCompanyName: 'Insurance company',
  policyNumber: 'Policy number',
  issuedDate: 'Issue date',
  policyAmount: 'Policy amount',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  gender: 'Gender',
  dateOfBirth: 'Date of birth',
  citizenshipCountry: 'Citizenship',
  fastCardNumber: 'FAST card number',
  aceId: 'ACE ID',
  travelDocuments: 'Travel document',
};

/** A field's name in words, for a message about the field: `lastName` → "Last name". */
export function fieldWords(token: string): string {
  return FIELD_WORDS[token] ?? token.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A shipment's SCN by its index in the document, when it has one. */
export type ScnAt = (index: number) => string | undefined;

function shipmentLabel(scnAt: ScnAt, index: number): string {
  const scn = scnAt(index);
  return scn === undefined || scn.trim() === ''
    ? `Shipment ${index + 1}`
    : `Shipment ${index + 1} (SCN ${scn})`;
}

/** The pointer's tokens in words, a list entry and its index as one part ("Commodity 1"). */
function describeTokens(tokens: readonly string[], scnAt: ScnAt): string[] {
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1];
    const index = next !== undefined && /^\d+$/.test(next) ? Number(next) : undefined;
    if (index === undefined) {
      parts.push(fieldWords(token));
      continue;
    }
    parts.push(
      token === 'shipments' && i === 0
        ? shipmentLabel(scnAt, index)
        : `${fieldWords(token)} ${index + 1}`,
    );
    i++; // the index token is consumed with its list
  }
  return parts;
}

export function describePath(document: ManifestDocument | undefined, path: string): string {
  const tokens = pointerTokens(path);
  if (tokens.length === 0) return 'Document';
  return describeTokens(
    tokens,
    (index) => document?.shipments?.[index]?.shipmentControlNumber,
  ).join(' › ');
}

/**
 * Which entry of which list a problem is in, for a list of problems that a dispatcher scans:
 * the pointer up to its last list index, in words — `/shipments/1/commodities/0/weight` →
 * "Shipment 2 (SCN DEMO0001) · Commodity 1", `/drivers/0/citizenshipCountry` → "Driver 1".
 * Undefined for a field outside any list (`/truck/vinNumber`, a shipment page's `/shipper`):
 * its field alone says where it is.
 */
export function placeOfPath(path: string, scnAt: ScnAt = () => undefined): string | undefined {
  const tokens = pointerTokens(path);
  let last = -1;
  // From the second token: a list's index follows its name.
  for (let i = 1; i < tokens.length; i++) if (/^\d+$/.test(tokens[i] ?? '')) last = i;
  return last < 0 ? undefined : describeTokens(tokens.slice(0, last + 1), scnAt).join(' · ');
}

/** The shipment an issue belongs to (index), or undefined for trip-level issues. */
export function shipmentIndexOf(path: string): number | undefined {
  const match = /^\/shipments\/(\d+)(?:\/|$)/.exec(path);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
