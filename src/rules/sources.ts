/**
 * The public documents the rules cite, named once. An issue's `source` is shown in the CLI
 * report, the API's `issues[].source` and docs/validation-codes.md, so it must be something a
 * user can look up: a CFR section, a CBP publication, a standard, or a section of this
 * repository's docs/regulations.md for the checks that are our own judgement
 * (scripts/issue-sources.test.ts enforces it).
 */

/**
 * Advance electronic truck cargo information: the 1-hour / 30-minute (FAST) filing lead time and
 * the data a truck manifest carries (conveyance and equipment, SCAC, trip number, scheduled
 * arrival, quantity in the lowest external packaging unit, weight, precise description,
 * hazmat UN number, shipper and consignee names and addresses, crew). Trade Act of 2002
 * final rule, 68 FR 68140.
 */
export const TRUCK_CARGO_ADVANCE_INFO = '19 CFR 123.92';

/** CBP's public ACE truck manifest guidance for carriers. */
export const ACE_HIGHWAY_CARRIER_REQUIREMENTS = 'CBP ACE eManifest: Highway Carrier Requirements';

/** CBP's ACE Truck Manifest EDI implementation guide (ANSI X12 309 and 358 messages). */
export const ACE_TRUCK_MANIFEST_IG =
  'CBP ACE Truck Manifest implementation guide (ANSI X12 309/358)';

/** The code appendices of the ACE Truck Manifest guide, from which src/codes/data is copied. */
export const ACE_PACKAGING_UNIT_CODES = 'CBP ACE Truck Manifest code appendix: packaging units';
export const ACE_EQUIPMENT_TYPE_CODES = 'CBP ACE Truck Manifest code appendix: equipment types';
export const ACE_TRAVEL_DOCUMENT_CODES = 'CBP ACE Truck Manifest code appendix: travel documents';
export const ACE_SHIPMENT_TYPE_CODES = 'CBP ACE Truck Manifest code appendix: shipment types';

/** CBP's list of port codes (ACE CAMIR Appendix E); src/codes/data/us-land-ports.ts. */
export const SCHEDULE_D = 'CBP Schedule D';
/** The IANA time zone database: each port's zone in src/codes/data/us-land-ports.ts. */
export const IANA_TIME_ZONES = 'IANA time zone database';
/** The Canadian or Mexican town across the border from each Schedule D land port. */
export const FOREIGN_SIDE_TOWNS =
  'CBP Schedule D land ports; towns across the border from public maps';
/** CBP's ABI CATAIR: a customs broker's 3-character filer code. */
export const ABI_CATAIR_FILER_CODE = 'CBP ABI CATAIR: filer code';

/** Facility codes of bonded warehouses and container stations. */
export const FIRMS_CODES =
  'CBP FIRMS codes (Facilities Information and Resources Management System)';

/** In-bond movements: numbers, types 61/62/63, destinations, time limits. */
export const IN_BOND_REGULATIONS = '19 CFR part 18';
/** Section 321 (de minimis) administrative exemption. */
export const SECTION_321_REGULATION = '19 CFR 10.151';
/** Instruments of international traffic. */
export const INSTRUMENTS_OF_INTERNATIONAL_TRAFFIC = '19 CFR 10.41a';

/** Hazardous materials table: UN/NA identification numbers. */
export const HAZMAT_TABLE = '49 CFR 172.101';
/** Emergency response telephone number on hazmat shipping papers. */
export const HAZMAT_EMERGENCY_RESPONSE_NUMBER = '49 CFR 172.604';

/** Vehicle identification number: 17 characters and the check digit. */
export const VIN_REGULATION = '49 CFR 565';
export const VIN_CHECK_DIGIT_REGULATION = '49 CFR 565.15';
export const VIN_STANDARD = 'ISO 3779';

export const HARMONIZED_TARIFF_SCHEDULE = 'Harmonized Tariff Schedule of the United States';
export const ISO_COUNTRY_CODES = 'ISO 3166-1';
export const ISO_SUBDIVISION_CODES = 'ISO 3166-2';

/** Our own checks: each one is explained, with why, in a section of docs/regulations.md. */
export const OWN_CHECK = {
  fastCardPrefix: 'docs/regulations.md#fast-card-numbers-that-do-not-start-with-4270',
  etaFarAhead: 'docs/regulations.md#an-eta-implausibly-far-ahead',
  etaSkippedByDst: 'docs/regulations.md#an-eta-skipped-by-a-dst-change',
  etaWallClock: 'docs/regulations.md#the-eta-is-port-local-wall-clock-time',
  descriptionLength: 'docs/regulations.md#commodity-descriptions-of-at-most-45-characters',
  hazmatContactEmail: 'docs/regulations.md#an-e-mail-address-for-the-hazmat-emergency-contact',
  brokerForPaps: 'docs/regulations.md#a-paps-shipment-without-a-broker',
  brokerEmail: 'docs/regulations.md#the-broker-e-mail-address',
  commodityLoadedOn: 'docs/regulations.md#which-truck-or-trailer-carries-each-commodity',
} as const;

/** Joins several citations into one `source`, as the catalogue shows them. */
export function cite(...sources: readonly string[]): string {
  return sources.join('; ');
}
