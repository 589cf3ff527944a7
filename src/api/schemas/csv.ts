/**
 * The bulk CSV upload's report (docs/api.md, Bulk upload by CSV). Here rather than in the route
 * file so the web app can take its type without reaching the route's server imports.
 */
import { z } from 'zod';
import { issueSchema } from './common.js';

export const csvIssueSchema = issueSchema
  .extend({
    row: z.number().int().nullable().describe('CSV row: the header is row 1; null for the file.'),
    column: z.string().nullable().describe('The template column header.'),
    value: z.string().nullable().describe('The value in that cell.'),
  })
  .meta({ id: 'CsvIssue' });

export const csvImportReportSchema = z
  .object({
    outcome: z
      .enum(['imported', 'partial', 'rejected'])
      .describe(
        'imported: every shipment stored or already there; partial: the valid ones stored; rejected: nothing stored.',
      ),
    mode: z.enum(['all-or-nothing', 'partial']),
    rowCount: z.number().int(),
    shipmentCount: z.number().int(),
    created: z.number().int(),
    unchanged: z.number().int().describe('Already in the trip with the same content; skipped.'),
    failed: z.number().int().describe('Shipments with an error, none of them stored.'),
    failedRowCount: z
      .number()
      .int()
      .describe(
        'Rows with errors, none of them stored: those of the failed shipments and rows placed in no shipment (an issue says why), as in failedRowsCsv. In all-or-nothing mode a rejected file stored no row at all.',
      ),
    issues: z.array(csvIssueSchema),
    failedRowsCsv: z
      .string()
      .nullable()
      .describe('The rows not imported as template CSV with an added Errors column.'),
  })
  .meta({ id: 'CsvImportReport' });
