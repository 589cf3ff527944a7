/** Filing with CBP: sync results, status with history, outbox rows, archived interchanges. */
import { z } from 'zod';
import { FILING_STATUSES } from '../../app/shared/ports/filing-repositories.js';
import { issueSchema, pageQuery } from './common.js';

export const filingStatusSchema = z.enum(FILING_STATUSES).meta({ id: 'FilingStatus' });

export const syncBodySchema = z
  .strictObject({
    rekey: z
      .boolean()
      .optional()
      .describe(
        'Confirms a re-key: the trip number or ETA date changed after CBP accepted the trip.',
      ),
    cancel: z.boolean().optional().describe('Withdraws everything CBP accepted of the trip.'),
    resend: z
      .boolean()
      .optional()
      .describe(
        'Sends again what CBP never acknowledged: an interchange without a 997 30 minutes after sending is taken as lost (FILING_RESEND_TOO_SOON before that; FILING_RESEND_ACKNOWLEDGED when a 997 came).',
      ),
  })
  .nullish();

export const syncResultSchema = z
  .object({
    transmissions: z.array(
      z.object({
        id: z.string(),
        setId: z.enum(['309', '358']),
        purpose: z.string(),
        controlNumber: z.number().int(),
        scns: z.array(z.string()),
      }),
    ),
    issues: z.array(issueSchema),
  })
  .meta({ id: 'SyncResult' });

const explainedReason = z.object({
  code: z.string().nullable(),
  text: z.string().describe("CBP's own words."),
  explanation: z.object({ meaning: z.string(), fix: z.string() }).nullable(),
});

export const filingHistoryEntrySchema = z
  .object({
    scn: z.string().nullable().describe('null: the trip itself.'),
    status: filingStatusSchema,
    at: z.string(),
    detail: z.record(z.string(), z.unknown()),
    reasons: z.array(explainedReason),
    interchangeId: z.string().nullable(),
  })
  .meta({ id: 'FilingHistoryEntry' });

export const filingShipmentSchema = z
  .object({
    scn: z.string(),
    status: filingStatusSchema,
    updatedAt: z.string().nullable().describe('When its status last changed; null for a draft.'),
  })
  .meta({ id: 'FilingShipment' });

/** GET /trips/{id}/filing/shipments: a page, of one status or all. */
export const filingShipmentsQuery = pageQuery.extend({
  status: filingStatusSchema
    .optional()
    .describe('Only the shipments in this status (draft: never sent).'),
});

export const filingViewSchema = z
  .object({
    trip: z.object({ status: filingStatusSchema, updatedAt: z.string().nullable() }),
    shipments: z
      .array(filingShipmentSchema)
      .describe(
        "The first 500 shipments: each on the trip in the trip's order (a draft until first sent), then those sent and since taken off it, by SCN. GET /trips/{id}/filing/shipments pages the rest, or those in one status.",
      ),
    shipmentsCursor: z
      .string()
      .nullable()
      .describe(
        'Pass as `cursor` to GET /trips/{id}/filing/shipments (without `status`) for the shipments after `shipments`; null when `shipments` holds them all.',
      ),
    shipmentTotal: z
      .number()
      .int()
      .describe('How many shipments `shipments` and the pages after it list in all.'),
    shipmentCounts: z
      .array(z.object({ status: filingStatusSchema, count: z.number().int() }))
      .describe(
        'How many shipments stand in each status, for the statuses some stand in, in the order of the filing life cycle (draft, transmitted, rejected, on-hold, accepted, entry-on-file, arrived, released, cancelled, deleted).',
      ),
    history: z
      .array(filingHistoryEntrySchema)
      .describe(
        'The latest 500 entries, oldest first (as recorded); GET /trips/{id}/filing/history pages the whole history, newest first.',
      ),
    historyTotal: z
      .number()
      .int()
      .describe(
        'How many entries the whole history holds (more than `history` lists on a large trip).',
      ),
    historyCursor: z
      .string()
      .nullable()
      .describe(
        'Pass as `cursor` to GET /trips/{id}/filing/history for the entries before `history`; null when `history` holds them all.',
      ),
    transmissions: z.array(
      z.object({
        id: z.string(),
        setId: z.string(),
        purpose: z.string(),
        controlNumber: z.number().int(),
        shipmentCount: z
          .number()
          .int()
          .describe(
            "How many shipments the interchange carries; their SCNs are in the interchange and in each shipment's history.",
          ),
        state: z.enum(['pending', 'sent', 'failed']),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        sentAt: z.string().nullable(),
      }),
    ),
    resendFrom: z
      .string()
      .nullable()
      .describe(
        'While CBP has acknowledged nothing of the last sync (no 997): the time from which it may be sent again (POST /trips/{id}/sync with resend), 30 minutes after it was sent; null otherwise.',
      ),
    interchanges: z.array(
      z.object({
        id: z.string(),
        direction: z.enum(['out', 'in']),
        setId: z.string().nullable(),
        controlNumber: z.string().nullable(),
        at: z.string(),
        problem: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'FilingStatusView' });

export const ediIdentitySchema = z
  .object({
    senderId: z
      .string()
      .describe('ISA06 and GS02 of every interchange the company sends (qualifier ZZ).'),
    defaultedToScac: z
      .boolean()
      .describe('True while no sender ID is stored: the SCAC is claimed at the first filing.'),
    controlNumbersUsed: z
      .number()
      .int()
      .describe('Interchange control numbers taken so far; above 0 once the company has filed.'),
    filingMode: z
      .enum(['test', 'production'])
      .describe(
        "ISA15 of the company's interchanges: test (T, CBP's certification environment; every company starts so) or production (P), set by an admin once CBP has certified the filer (PUT /company/filing-mode).",
      ),
    version: z
      .number()
      .int()
      .describe(
        "The company's settings version (also the ETag): send it as If-Match to change the sender ID.",
      ),
  })
  .meta({ id: 'EdiIdentity' });

export const senderIdBodySchema = z.strictObject({
  senderId: z
    .string()
    .max(100)
    .describe(
      'As CBP assigned it: 2–15 upper-case letters, digits or basic X12 punctuation, no space at either end.',
    ),
});

export const filingModeBodySchema = z.strictObject({
  mode: z
    .enum(['test', 'production'])
    .describe(
      "test: interchanges go to CBP's certification environment (ISA15 T); production: filed for real (ISA15 P).",
    ),
});

export const senderIdResultSchema = z
  .object({
    identity: ediIdentitySchema,
    issues: z
      .array(issueSchema)
      .describe('EDI_SENDER_ID_CHANGED_AFTER_FILING when the company had filed under the old ID.'),
  })
  .meta({ id: 'SenderIdResult' });
