import { z } from 'zod';

/**
 * The effective-dated regulation table: what CBP's rules were at a given instant. It is data,
 * every row cites its source, and `emanifest validate --rules FILE` (or the service's config)
 * replaces it without a code change (docs/regulations.md).
 *
 * Instants are ISO-8601 with an explicit offset: the executive orders take effect at
 * 12:01 a.m. U.S. Eastern, so the offset says whether EST or EDT applied that day.
 */
const instant = z.iso.datetime({ offset: true });

const window = {
  /** First instant the row applies (inclusive). Omitted: since forever. */
  from: instant.optional(),
  /** First instant it no longer applies (exclusive). Omitted: until further notice. */
  until: instant.optional(),
  source: z.string().min(1),
  /** What the change meant in practice, for people reading the table. */
  note: z.string().optional(),
};

export const section321RowSchema = z.discriminatedUnion('kind', [
  /** Value limit per shipment and per consignee per day (19 U.S.C. 1321; 19 CFR 10.151). */
  z.strictObject({ kind: z.literal('value-limit'), ...window, limitUsd: z.number().positive() }),
  /** Goods of these origins may not use de minimis. */
  z.strictObject({
    kind: z.literal('origin-excluded'),
    ...window,
    countries: z.array(z.string().length(2)).min(1),
  }),
  /** De minimis suspended for every origin: ACE rejects Section 321 manifest filings. */
  z.strictObject({ kind: z.literal('suspended'), ...window }),
  /** De minimis repealed by statute for commercial shipments. */
  z.strictObject({ kind: z.literal('repealed'), ...window }),
]);
export type Section321Row = z.infer<typeof section321RowSchema>;

export const regulationTableSchema = z.strictObject({
  /** Free text naming this edition of the table, shown in reports. */
  edition: z.string().min(1),
  filingLeadTime: z.strictObject({
    /** Minutes before arrival the manifest must be on file (19 CFR 123.92(a)). */
    standardMinutes: z.number().int().nonnegative(),
    /** When every driver is a FAST participant. */
    fastMinutes: z.number().int().nonnegative(),
    source: z.string().min(1),
  }),
  /** An ETA further ahead than this many days is probably a typo: warn. */
  farAheadWarningDays: z.number().positive(),
  section321: z.array(section321RowSchema).superRefine((rows, context) => {
    // A window that ends before it starts is a typo that would silently drop a row.
    rows.forEach((row, index) => {
      if (row.from !== undefined && row.until !== undefined) {
        if (Date.parse(row.from) >= Date.parse(row.until)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'until'],
            message: `"until" (${row.until}) must be later than "from" (${row.from}).`,
          });
        }
      }
    });
  }),
});
export type RegulationTable = z.infer<typeof regulationTableSchema>;

/** Rows in force at an instant: `from <= at < until`. */
export function rowsInForce<T extends { from?: string | undefined; until?: string | undefined }>(
  rows: readonly T[],
  at: Date,
): T[] {
  const time = at.getTime();
  return rows.filter(
    (row) =>
      (row.from === undefined || Date.parse(row.from) <= time) &&
      (row.until === undefined || time < Date.parse(row.until)),
  );
}
