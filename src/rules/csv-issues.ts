import type { IssueDefinition } from './rule.js';

/**
 * Issues raised while reading a bulk-upload CSV (src/csv, docs/csv-template.md). They live
 * here so the catalogue and docs/validation-codes.md hold them; every one is reported with the
 * CSV row, column header and value it is about.
 */
export const CSV_ISSUES: readonly IssueDefinition[] = [
  {
    code: 'CSV_NOT_CSV',
    severity: 'error',
    title: 'The file is not a CSV file; nothing was read',
    fix: 'Save the sheet as "CSV UTF-8 (comma delimited)" and upload that file, not the workbook.',
    source: 'RFC 4180, Common Format and MIME Type for Comma-Separated Values (CSV) Files',
  },
  {
    code: 'CSV_HEADER_INVALID',
    severity: 'error',
    title: 'The header row lacks a required column or names one twice; nothing was read',
    fix: 'Start from the template (docs/csv-template.md): row 1 names each column once, including SCN, Shipment Type, Description, Quantity and Weight.',
  },
  {
    code: 'CSV_HEADER_UNKNOWN',
    severity: 'warning',
    title: 'A column header is not part of the template; the column is ignored',
    fix: 'Check the spelling against docs/csv-template.md, or delete the column.',
  },
  {
    code: 'CSV_ENCODING_CONVERTED',
    severity: 'warning',
    title: 'The file is not UTF-8; it was read as Windows-1252',
    fix: 'Check accented names in the report; save as "CSV UTF-8" to be sure they are read as written.',
    source: 'WHATWG Encoding Standard (windows-1252)',
  },
  {
    code: 'CSV_ENCODING_MIXED',
    severity: 'error',
    title: 'The file is UTF-8 with accented letters, then has bytes that are not UTF-8',
    fix: 'Save the file as UTF-8 ("CSV UTF-8" in Excel) and upload it again: read half in one encoding and half in another, accented letters would be garbled.',
    source: 'WHATWG Encoding Standard (UTF-8, windows-1252)',
  },
  {
    code: 'CSV_ROW_TOO_WIDE',
    severity: 'error',
    title: 'A row has more fields than the header row has columns',
    fix: 'Quote values that contain commas ("12 Main St, Unit 4"), or remove the extra fields.',
    source: 'RFC 4180 §2: each line should contain the same number of fields',
  },
  {
    code: 'CSV_NUMBER_INVALID',
    severity: 'error',
    title: 'A number column holds something that is not a number',
    fix: 'Write digits only, e.g. 20 or 1250.50; quantities are whole numbers.',
  },
  {
    code: 'CSV_MONEY_FORMAT',
    severity: 'warning',
    title: 'A value had a $ sign or thousands separators; they were removed',
    fix: 'Nothing to do if the amount in the message is right; write plain numbers (1250.00) to avoid the warning.',
  },
  {
    code: 'CSV_WEIGHT_ROUNDED',
    severity: 'warning',
    title: 'A decimal weight was rounded up to a whole number',
    fix: 'Nothing to do if the rounded weight is right: ACE takes whole pounds or kilograms, and rounding up never under-declares.',
    source: 'CBP ACE Truck Manifest implementation guide (weight is a whole number)',
  },
  {
    code: 'CSV_SHIPMENT_DISAGREES',
    severity: 'error',
    title: "A shipment-level column disagrees with the shipment's first row",
    fix: "Leave the column blank on a shipment's later rows, or write the same value as its first row; a different shipment needs a different SCN.",
  },
  {
    code: 'CSV_SCN_MIXED',
    severity: 'error',
    title: 'The file mixes typed SCNs and <SCAC>AUTOFILL',
    fix: 'Use typed SCNs on every row, or <SCAC>AUTOFILL on every row: a drawn SCN could collide with a typed one.',
  },
  {
    code: 'CSV_SCN_ALREADY_USED',
    severity: 'error',
    title:
      'The SCN is already used by another shipment of the carrier; the shipment was not imported',
    fix: 'Give the shipment an SCN the carrier never used, or write <SCAC>AUTOFILL; an SCN may not be reused for three years. Uploading the same file again into the same trip is fine: unchanged shipments are skipped.',
  },
  {
    code: 'CSV_SHIPMENT_UNCHANGED',
    severity: 'warning',
    title: 'The shipment is already in the trip with the same content; it was not imported again',
    fix: 'Nothing to do: uploading a file again stores no duplicates.',
  },
  {
    code: 'CSV_TOO_MANY_ROWS',
    severity: 'error',
    title: 'The file has more than 1,000,000 data rows; it was not read further',
    fix: 'Split the file into several uploads: a trip holds at most 100,000 shipments.',
  },
  {
    code: 'CSV_TOO_MANY_ERRORS',
    severity: 'error',
    title: 'The file has more than 10,000 errors; it was not read further',
    fix: 'Fix the errors listed (a shifted column or the wrong export usually causes them all) and upload the file again.',
  },
];
