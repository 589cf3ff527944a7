/**
 * renderLeadSheet(deps, actor, { tripId, variant?, driverName?, size? }) → the stored trip's
 * lead sheet as PDF (any role), with the company's logo when one is set, and the trip document
 * it was printed from. A trip whose QR code would be unreadable is VALIDATION_FAILED with the
 * fields named (QR_FIELD_MISSING, QR_FIELD_INVALID).
 */
import type { TripDocument } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import { tripOf } from '../shared/lookups.js';
import { type LeadSheetChoices } from './support/lead-sheet-options.js';
import { fileName, type PaperworkDeps, type RenderedPdf } from './support/paperwork-deps.js';
import { drawStoredLeadSheet, readStoredLeadSheet } from './support/stored-lead-sheet.js';

export interface LeadSheetInput extends LeadSheetChoices {
  readonly tripId: string;
  /** A logo for this sheet only (the CLI's --logo), PNG or JPEG bytes; else the company's. */
  readonly logo?: Uint8Array | undefined;
}

export async function renderLeadSheet(
  deps: PaperworkDeps,
  actor: Actor,
  input: LeadSheetInput,
): Promise<RenderedPdf & { readonly document: TripDocument }> {
  const { trip, sheet } = await deps.store.transaction(
    async (repos) => {
      const stored = await tripOf(repos, actor, input.tripId);
      return { trip: stored, sheet: await readStoredLeadSheet(repos, stored, input.logo) };
    },
    { readOnly: true },
  );
  const { pdf, pages } = await drawStoredLeadSheet(deps, sheet, input);
  return {
    pdf,
    pages,
    filename: fileName(trip.tripNumber, 'lead-sheet'),
    document: sheet.document,
  };
}
