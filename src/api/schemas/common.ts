/** Response and parameter schemas shared by several route groups. */
import { z } from 'zod';
import { AS_OF_INSTANT_FORMAT, asOfInstant } from '../../domain/index.js';
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

/**
 * A whole number in the query string, written in decimal digits only. zod's coerce read any
 * text Number() takes: `0x10` as 16, `1e2` as 100, ` 1` as 1. Anything else stays text and is
 * refused as "not a number", naming the parameter.
 */
export function queryCount(min: number, max: number, fallback: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value),
    z.number().int().min(min).max(max).default(fallback),
  );
}

/** Cursor pagination: opaque `cursor` from the previous page's `nextCursor`. */
export const pageQuery = z.object({
  limit: queryCount(1, LIST_PAGE.max, LIST_PAGE.default),
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

/**
 * `?now=`: the instant a check is made as of, read as the CLI's `--now` is (asOfInstant): ISO
 * 8601, UTC without an offset. The route turns it into the instant with asOfInstant.
 */
export const asOfQuery = z
  .string()
  .max(64)
  .refine((text) => asOfInstant(text) !== undefined, { error: AS_OF_INSTANT_FORMAT })
  .describe(
    'Check as of this instant (ISO 8601; without an offset it is UTC); timing rules use it. Default: server time.',
  );
