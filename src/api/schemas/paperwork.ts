/** Query, body and response schemas of the paperwork routes (PDF answers). */
import { z } from 'zod';
// The limit alone: schemas stay free of the PDF renderer.
import { MAX_LABELS } from '../../app/paperwork/support/label-limit.js';

export const paperSize = z
  .enum(['letter', 'a4'])
  .default('letter')
  .describe('US Letter (default) or A4.');

/** `true`/`false` in a query string; anything else is a 400 naming the parameter. */
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const leadSheetQuery = z.object({
  variant: z
    .enum(['standard', 'detailed'])
    .default('standard')
    .describe('standard: the shipment list; detailed: equipment, crew and each commodity too.'),
  driverName: flag
    .default(true)
    .describe("false: leave the driver's name off (a sheet printed before the driver is known)."),
  size: paperSize,
});

export const dayLeadSheetsQuery = leadSheetQuery.extend({
  date: z.iso.date().describe('The port-local arrival date: every trip whose ETA falls on it.'),
});

export const labelsBody = z.strictObject({
  // The range is the use case's to check, so the API and the CLI refuse it alike
  // (LABEL_COUNT_INVALID).
  count: z.number().describe(`How many SCNs to reserve and print: 1 to ${MAX_LABELS}.`),
  size: paperSize.describe(
    'letter: 30 labels a sheet (like Avery 5160); a4: 21 (like Avery L7160).',
  ),
});

/** The PDF itself: documented as binary, sent as bytes (no JSON serialisation). */
export const pdfResponse = {
  description: 'The PDF document.',
  content: { 'application/pdf': { schema: z.file().meta({ format: 'binary' }) } },
};

export const leadSheetEmailBody = z.strictObject({
  to: z.string().max(254).describe("The driver's e-mail address."),
  variant: z.enum(['standard', 'detailed']).optional(),
  driverName: z.boolean().optional(),
  size: z.enum(['letter', 'a4']).optional(),
});

export const driverEmailsResult = z.object({
  items: z.array(
    z
      .object({
        index: z.number().int().describe("The driver's position in the trip's drivers."),
        name: z.string(),
        email: z.string(),
        profileId: z.string().describe('The driver profile the driver matched.'),
      })
      .meta({ id: 'DriverEmail' }),
  ),
});

export const leadSheetEmailResult = z.object({
  to: z.string(),
  messageId: z.string().describe('The Message-ID the mail server accepted it under.'),
});
