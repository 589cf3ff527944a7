/**
 * The bulk-upload CSV template (docs/csv-template.md): one row per commodity; rows sharing an
 * SCN form one shipment. The header list is the contract the reader, the export and the
 * downloadable template (`/api/v1/csv/template`) share.
 */

/** Whether a column describes the shipment (repeated or blank on its later rows) or one commodity. */
export type ColumnLevel = 'shipment' | 'commodity';

export interface TemplateColumn {
  readonly header: string;
  readonly level: ColumnLevel;
  /** A file without this header is refused: no shipment can be built from it. */
  readonly required: boolean;
  /** The value of the template's example row. */
  readonly example: string;
}

const party = (role: 'Shipper' | 'Consignee', example: readonly string[]): TemplateColumn[] =>
  ['Name', 'Address', 'City', 'State/Province', 'Postal Code', 'Country'].map((part, i) => ({
    header: `${role} ${part}`,
    level: 'shipment',
    required: false,
    example: example[i] ?? '',
  }));

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { header: 'SCN', level: 'shipment', required: true, example: 'ABCD0001000001' },
  { header: 'Shipment Type', level: 'shipment', required: true, example: 'PAPS' },
  { header: 'Province of Loading', level: 'shipment', required: false, example: 'ON' },
  { header: 'Order Reference', level: 'shipment', required: false, example: 'PO-4471' },
  ...party('Shipper', ['Maple Leaf Mills', '12 Mill Road', 'Hamilton', 'ON', 'L8N 1A1', 'CA']),
  ...party('Consignee', ['Great Lakes Foods', '400 Main St', 'Buffalo', 'NY', '14202', 'US']),
  { header: 'Broker', level: 'shipment', required: false, example: 'N7B' },
  { header: 'Loaded On', level: 'commodity', required: false, example: 'TR-5501' },
  {
    header: 'Description',
    level: 'commodity',
    required: true,
    example: 'Rolled oats in paper bags',
  },
  { header: 'Quantity', level: 'commodity', required: true, example: '20' },
  { header: 'Packaging Unit', level: 'commodity', required: false, example: 'PLT' },
  { header: 'Weight', level: 'commodity', required: true, example: '12000' },
  { header: 'Weight Unit', level: 'commodity', required: false, example: 'L' },
  { header: 'Value', level: 'commodity', required: false, example: '18500' },
  { header: 'Country of Origin', level: 'commodity', required: false, example: 'CA' },
  { header: 'HTS', level: 'commodity', required: false, example: '110412' },
  { header: 'Marks and Numbers', level: 'commodity', required: false, example: 'MLM-4471' },
  { header: 'Hazmat UN Number', level: 'commodity', required: false, example: '' },
  { header: 'Emergency Contact Name', level: 'commodity', required: false, example: '' },
  { header: 'Emergency Contact Phone', level: 'commodity', required: false, example: '' },
  { header: 'Emergency Contact Email', level: 'commodity', required: false, example: '' },
];

export const TEMPLATE_HEADERS: readonly string[] = TEMPLATE_COLUMNS.map((column) => column.header);

/** Headers match case- and space-insensitively: `shipment type`, `ShipmentType`, `SHIPMENT TYPE`. */
export function headerKey(header: string): string {
  return header.replace(/\s+/g, '').toLowerCase();
}

/** Quotes a field when RFC 4180 requires it: a comma, a double quote or a line break inside. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/**
 * The downloadable template: the header row and one example row, CRLF as RFC 4180 says. Given
 * the carrier's SCAC, the example's SCN is `<SCAC>AUTOFILL`, so the file a company downloads
 * uploads as it is (its SCN drawn from the company's sequence) instead of failing on another
 * carrier's SCAC.
 */
export function templateCsv(scac?: string): string {
  const example = TEMPLATE_COLUMNS.map((column) =>
    column.header === 'SCN' && scac !== undefined ? `${scac}AUTOFILL` : column.example,
  );
  return csvLine(TEMPLATE_HEADERS) + csvLine(example);
}
