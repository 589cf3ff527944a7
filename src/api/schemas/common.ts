/** Response and parameter schemas shared by several route groups. */
import { z } from 'zod';
// The page-size constants alone: the web app type-checks these schemas without server code.
import { LIST_PAGE } from '../../app/shared/page-size.js';

export const issueSchema = z
  .object({
    code: z.string().describe('Stable UPPER_SNAKE code (docs/validation-codes.md).'),
    severity: z.enum(['error', 'warning']),
    path: z.string().describe('JSON Pointer (RFC 6901) to the field the issue is about.'),
    message: z.string(),
    source: z.string().optional().describe('Where the rule comes from: CFR section, CSMS number.'),
  })
  .meta({ id: 'Issue' });

export const issuesResponseSchema = z.object({ issues: z.array(issueSchema) });

/** A whole trip's check: its issues, and the shipments their paths name. */
export const tripValidationResponseSchema = issuesResponseSchema.extend({
  shipmentIds: z
    .record(z.string(), z.string())
    .describe(
      'The id of each shipment an issue path names, by its index in the trip: `/shipments/3/…` is the shipment `shipmentIds["3"]`.',
    ),
});

export const idParams = z.object({ id: z.string().min(1).max(100) });

/** Cursor pagination: opaque `cursor` from the previous page's `nextCursor`. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIST_PAGE.max).default(LIST_PAGE.default),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}
