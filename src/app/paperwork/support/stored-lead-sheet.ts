import {
  leadSheetPdf,
  leadSheetRefusals,
  MAX_LEAD_SHEET_SHIPMENTS,
} from '../../../documents/index.js';
import type { TripDocument } from '../../../domain/index.js';
import { inTurnWhenLarge } from '../../shared/large-work.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { TripRecord } from '../../shared/records.js';
import { assembleTripDocument } from '../../shared/trip-documents.js';
import { leadSheetOptions, type LeadSheetChoices } from './lead-sheet-options.js';
import { shipmentsNotOnFile } from './not-on-file.js';
import type { PaperworkDeps } from './paperwork-deps.js';
import { unprintable } from './unprintable.js';

/**
 * A stored trip's lead sheet, the dispatcher's and the one the driver's page gives alike: what
 * it is printed from, read in the caller's transaction, then drawn. One path, so the driver at
 * the booth holds the sheet the dispatcher printed: the same marks under a shipment CBP does
 * not have on file, and a large sheet drawn in turn with the others (shared/large-work.ts).
 */
export interface StoredLeadSheet {
  /** The trip with its shipments, as one document. */
  readonly document: TripDocument;
  readonly logo: Uint8Array | undefined;
  /** Why each shipment CBP does not have on file is not (support/not-on-file.ts), by SCN. */
  readonly notOnFile: ReadonlyMap<string, string>;
}

/**
 * Reads the trip's lead sheet: its shipments, the company's logo (or `logo`), the shipments
 * not on file. A trip of more than MAX_LEAD_SHEET_SHIPMENTS is refused from its count with
 * the issues leadSheetPdf would give, its shipments unread (a courier's 100,000 took 521 MB).
 */
export async function readStoredLeadSheet(
  repos: Repositories,
  trip: TripRecord,
  logo?: Uint8Array,
): Promise<StoredLeadSheet> {
  const count = (await repos.shipments.totalsOfList(trip.companyId, trip.id))?.count ?? 0;
  if (count > MAX_LEAD_SHEET_SHIPMENTS) {
    throw unprintable('lead sheet', leadSheetRefusals([trip.document], count, false));
  }
  const document = assembleTripDocument(
    trip,
    await repos.shipments.allOfTrip(trip.companyId, trip.id),
  );
  return {
    document,
    logo: logo ?? (await repos.companyLogos.find(trip.companyId))?.bytes,
    notOnFile: await shipmentsNotOnFile(repos, trip.companyId, [{ tripId: trip.id, document }]),
  };
}

/**
 * Draws the sheet read, as the user chose; a trip whose QR code would be unreadable is
 * VALIDATION_FAILED with the fields named.
 */
export async function drawStoredLeadSheet(
  deps: PaperworkDeps,
  sheet: StoredLeadSheet,
  choices: LeadSheetChoices = {},
): Promise<{ readonly pdf: Uint8Array; readonly pages: number }> {
  const result = await inTurnWhenLarge(sheet.document.shipments?.length ?? 0, () =>
    leadSheetPdf(sheet.document, leadSheetOptions(deps, choices, sheet)),
  );
  if (!result.ok) throw unprintable('lead sheet', result.issues);
  return { pdf: result.pdf, pages: result.pages };
}
