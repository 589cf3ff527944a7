import { z } from 'zod';
import { pointerOfPath, type Issue } from '../domain/index.js';
import { SEGMENT_FIELDS, type SegmentId } from './segment-fields.js';

/**
 * The trading-partner profile: everything about CBP's truck X12 that is not public (ISA
 * sender and receiver IDs assigned at onboarding, the GS08 version, qualifiers, bill types,
 * element positions) as data. docs/edi.md lists which values are assumptions. An operator
 * corrects them without a code change: `--profile FILE` on the command line, `EDI_PROFILE` for
 * the service (ADR 0022); each company's sender ID and filing mode are laid over it.
 */

const code = (min: number, max: number) => z.string().min(min).max(max);
const element = z.strictObject({
  /** 1-based element position in the segment. */
  element: z.int().min(1).max(99),
  /** The longest value the element takes (X12 data element dictionary or CBP's guide). */
  maxLength: z.int().min(1).max(1000),
});

const segmentShapes = Object.fromEntries(
  Object.entries(SEGMENT_FIELDS).map(([id, fields]) => [
    id,
    z
      .strictObject(Object.fromEntries(fields.map((field) => [field, element.optional()])))
      .superRefine((layout, context) => {
        const seen = new Map<number, string>();
        for (const [field, place] of Object.entries(layout)) {
          if (place === undefined) continue;
          const other = seen.get(place.element);
          if (other !== undefined) {
            context.addIssue({
              code: 'custom',
              path: [field, 'element'],
              message: `${id}${String(place.element).padStart(2, '0')} is already used by "${other}"`,
            });
          }
          seen.set(place.element, field);
        }
      }),
  ]),
) as unknown as Record<SegmentId, z.ZodType<Partial<Record<string, z.infer<typeof element>>>>>;

const delimiter = z
  .string()
  .length(1)
  .regex(/^[^A-Za-z0-9 ]$/, 'must not be a letter, digit or space');

export const ediProfileSchema = z.strictObject({
  $comment: z.string().optional(),
  name: z.string().min(1),
  interchange: z.strictObject({
    authorizationQualifier: code(2, 2),
    authorization: z.string().max(10),
    securityQualifier: code(2, 2),
    security: z.string().max(10),
    senderQualifier: code(2, 2),
    senderId: code(1, 15),
    receiverQualifier: code(2, 2),
    receiverId: code(1, 15),
    /** ISA11: "U" in version 00401; a repetition separator from 00402 on. */
    standardsIdentifier: code(1, 1),
    version: code(5, 5),
    acknowledgmentRequested: z.enum(['0', '1']),
    /** ISA15: T test (CBP's certification environment) or P production. */
    usage: z.enum(['T', 'P']),
  }),
  group: z.strictObject({
    applicationSenderCode: code(2, 15),
    applicationReceiverCode: code(2, 15),
    responsibleAgency: code(1, 2),
    version: code(1, 12),
  }),
  functionalIdentifiers: z.strictObject({ '309': code(2, 2), '358': code(2, 2) }),
  delimiters: z
    .strictObject({ element: delimiter, subElement: delimiter, segment: delimiter })
    .refine(
      (d) => new Set([d.element, d.subElement, d.segment]).size === 3,
      'the three delimiters must differ',
    ),
  /** A line break after each segment terminator: easier to read, and CBP's guide allows it or not. */
  lineBreakAfterSegment: z.boolean(),
  characterSet: z.enum(['basic', 'extended']),
  upperCase: z.boolean(),
  /** CBP takes at most 9,999 shipments (LX loops) in one 309 (CSMS #19-000156). */
  maxShipmentsPer309: z.int().min(1).max(9999),
  transportMethod: code(1, 2),
  manifestTypes: z.strictObject({
    preliminary: code(1, 2),
    complete: code(1, 2),
    update: code(1, 2),
    delete: code(1, 2),
  }),
  consistTypes: z.strictObject({ original: code(1, 2), update: code(1, 2), delete: code(1, 2) }),
  amendmentTypes: z.strictObject({ add: code(1, 2), change: code(1, 2), delete: code(1, 2) }),
  qualifiers: z.strictObject({
    driver: code(2, 3),
    passenger: code(2, 3),
    personEntityType: code(1, 1),
    fastCard: code(1, 2),
    aceId: code(1, 2),
    dateFormat: code(2, 3),
    estimatedArrival: code(3, 3),
    shipper: code(2, 3),
    consignee: code(2, 3),
    broker: code(2, 3),
    brokerFilerCode: code(2, 3),
    provinceOfLoading: code(2, 3),
    orderReference: code(2, 3),
    harmonizedCode: code(1, 2),
    marks: code(1, 2),
    emergencyContact: code(2, 2),
    phone: code(2, 2),
    email: code(2, 2),
  }),
  /** ACE shipment type (docs/code-lists.md) → the 309 bill type code. */
  shipmentTypes: z.record(z.string(), code(1, 2)),
  /** ACE travel document type → REF01 qualifier; a type not listed is sent as it is. */
  travelDocumentTypes: z.record(z.string(), code(2, 3)),
  /**
   * Instrument of international traffic type (EC, EI, MC, MI) → the N901 qualifier of its N9
   * in the trip's heading; a type not listed is sent as it is. Optional, so that a profile
   * written before instruments were sent still reads.
   */
  instrumentTypes: z.record(z.string(), code(2, 3)).optional(),
  segments: z.strictObject(segmentShapes),
});

export type EdiProfile = z.infer<typeof ediProfileSchema>;
export type SegmentLayout = Partial<Record<string, { element: number; maxLength: number }>>;

export type ProfileParse =
  | { readonly ok: true; readonly profile: EdiProfile }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Checks a profile (parsed JSON); every problem is reported at its JSON Pointer. */
export function parseEdiProfile(json: unknown): ProfileParse {
  const result = ediProfileSchema.safeParse(json);
  if (result.success) return { ok: true, profile: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const path = pointerOfPath(issue.path);
      return {
        code: 'EDI_PROFILE_INVALID',
        severity: 'error',
        path,
        message: `${issue.message}.`,
      };
    }),
  };
}
