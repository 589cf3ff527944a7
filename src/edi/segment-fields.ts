/**
 * The fields the writer can put in each segment, by name. Where each field goes (element
 * position) and how long it may be is the profile's business (profiles/cbp-truck.json): CBP's
 * truck implementation guide is given to filers at onboarding, so positions that the public
 * X12 standard does not fix are assumptions a profile can correct without a code change.
 * ISA, GS, ST, SE, GE and IEA are not here: X12.6 fixes them and envelope.ts writes them.
 */
export const SEGMENT_FIELDS = {
  M10: ['scac', 'transportMethod', 'conveyanceNumber', 'tripNumber', 'manifestType'],
  P4: ['port', 'date', 'shipmentCount'],
  DTM: ['qualifier', 'date', 'time'],
  VEH: [
    'unitNumber',
    'vin',
    'type',
    'dotNumber',
    'transponderNumber',
    'plateNumber',
    'plateStateProvince',
    'plateCountry',
    'secondPlateNumber',
    'secondPlateStateProvince',
    'secondPlateCountry',
  ],
  CII: ['insurerName', 'policyNumber', 'issuedDate', 'amount'],
  NM1: ['entity', 'entityType', 'lastName', 'firstName', 'middleName', 'idQualifier', 'id'],
  DMG: ['dateFormat', 'dateOfBirth', 'gender', 'citizenshipCountry'],
  REF: ['qualifier', 'number', 'country', 'stateProvince'],
  N1: ['entity', 'name', 'idQualifier', 'id'],
  N3: ['address'],
  N4: ['city', 'stateProvince', 'postalCode', 'country'],
  PER: ['function', 'name', 'phoneQualifier', 'phone', 'emailQualifier', 'email'],
  VID: [
    'type',
    'number',
    'plateNumber',
    'plateStateProvince',
    'plateCountry',
    'secondPlateNumber',
    'secondPlateStateProvince',
    'secondPlateCountry',
  ],
  M7: ['seal1', 'seal2', 'seal3', 'seal4'],
  MBL: ['scac', 'scn'],
  M13: ['scac', 'port', 'amendmentType'],
  LX: ['number'],
  M11: ['scn', 'port', 'quantity', 'billType'],
  N9: ['qualifier', 'reference', 'description'],
  M12: ['type', 'number', 'destinationPort', 'foreignDestination', 'firmsCode'],
  N10: [
    'quantity',
    'description',
    'marks',
    'commodityCodeQualifier',
    'harmonizedCode',
    'value',
    'weightUnit',
    'weight',
    'packagingUnit',
    'countryOfOrigin',
  ],
  MAN: ['qualifier', 'marks'],
  H1: ['unNumber'],
} as const;

export type SegmentId = keyof typeof SEGMENT_FIELDS;
export type FieldOf<S extends SegmentId> = (typeof SEGMENT_FIELDS)[S][number];
