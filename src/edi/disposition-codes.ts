/**
 * Disposition codes CBP sends in 350 Customs Status Information (X4-07), as published in the
 * CBP ACE Truck Manifest implementation guide (CATAIR appendix of disposition codes) and the
 * CSMS messages named per row. A code not listed is still passed on, with an unknown meaning.
 */
export interface DispositionCode {
  readonly code: string;
  readonly meaning: string;
  /** What it does to the shipment's life cycle. */
  readonly effect:
    | 'released'
    | 'hold'
    | 'hold-removed'
    | 'arrived'
    | 'entry-on-file'
    | 'in-bond'
    | 'warning'
    | 'other';
  readonly source: string;
}

const GUIDE = 'CBP ACE Truck Manifest implementation guide, disposition codes';

export const DISPOSITION_CODES: readonly DispositionCode[] = [
  {
    code: '1A',
    meaning: 'Entered; intensive examination required, not released',
    effect: 'hold',
    source: GUIDE,
  },
  {
    code: '1B',
    meaning: 'Released after intensive examination (still held if another hold is open)',
    effect: 'released',
    source: GUIDE,
  },
  {
    code: '1C',
    meaning: 'Entered and released (general examination)',
    effect: 'released',
    source: GUIDE,
  },
  { code: '1H', meaning: 'CBP hold placed at port of arrival', effect: 'hold', source: GUIDE },
  {
    code: '1I',
    meaning: 'CBP hold removed at port of arrival (not a release)',
    effect: 'hold-removed',
    source: GUIDE,
  },
  { code: '1G', meaning: 'CBP hold placed at in-bond destination', effect: 'hold', source: GUIDE },
  {
    code: '1F',
    meaning: 'CBP hold removed at in-bond destination (not a release)',
    effect: 'hold-removed',
    source: GUIDE,
  },
  { code: '1J', meaning: 'In-bond movement authorized', effect: 'in-bond', source: GUIDE },
  {
    code: '11',
    meaning: 'Arrival of in-bond: complete movement',
    effect: 'in-bond',
    source: GUIDE,
  },
  { code: '12', meaning: 'Arrival of in-bond: bill', effect: 'in-bond', source: GUIDE },
  { code: '13', meaning: 'Arrival of in-bond: container', effect: 'in-bond', source: GUIDE },
  { code: '17', meaning: 'Overdue conveyance arrival', effect: 'other', source: GUIDE },
  { code: '19', meaning: 'Actual conveyance arrival', effect: 'arrived', source: GUIDE },
  {
    code: '02',
    meaning: 'Entry filed against the bill (entry on file)',
    effect: 'entry-on-file',
    source: GUIDE,
  },
  {
    code: '95',
    meaning: 'Warning (e.g. Section 321 maximum daily value $800 exceeded by consignee)',
    effect: 'warning',
    source: 'CSMS #62931096',
  },
  { code: '4H', meaning: 'Hold: invalid shipper', effect: 'hold', source: 'CSMS #64824685' },
  {
    code: '4I',
    meaning: 'Hold removed: invalid shipper',
    effect: 'hold-removed',
    source: 'CSMS #64824685',
  },
  { code: '6H', meaning: 'Hold: Do Not Load', effect: 'hold', source: 'CSMS #64824685' },
  {
    code: '6I',
    meaning: 'Hold removed: Do Not Load',
    effect: 'hold-removed',
    source: 'CSMS #64824685',
  },
  {
    code: '8H',
    meaning: 'Hold: invalid cargo description',
    effect: 'hold',
    source: 'CSMS #64824685',
  },
  {
    code: '8I',
    meaning: 'Hold removed: invalid cargo description',
    effect: 'hold-removed',
    source: 'CSMS #64824685',
  },
  { code: '9H', meaning: 'Hold: invalid consignee', effect: 'hold', source: 'CSMS #64824685' },
  {
    code: '9I',
    meaning: 'Hold removed: invalid consignee',
    effect: 'hold-removed',
    source: 'CSMS #64824685',
  },
];

const byCode = new Map(DISPOSITION_CODES.map((row) => [row.code, row]));

export function findDispositionCode(code: string): DispositionCode | undefined {
  return byCode.get(code);
}
