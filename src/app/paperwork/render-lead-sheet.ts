/**
 * renderLeadSheet(deps, actor, { tripId, variant?, driverName?, size? }) → the stored trip's
 * lead sheet as PDF (any role), with the company's logo when one is set, and the trip document
 * it was printed from. A trip whose QR code would be unreadable is VALIDATION_FAILED with the
 * fields named (QR_FIELD_MISSING, QR_FIELD_INVALID).
 */
import { leadSheetPdf } from '../../documents/index.js';
import type { TripDocument } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import { fileName, type PaperworkDeps, type RenderedPdf } from './support/paperwork-deps.js';
import { inTurnWhenLarge } from '../shared/large-work.js';
import { tripOf } from '../shared/lookups.js';
import { leadSheetOptions, type LeadSheetChoices } from './support/lead-sheet-options.js';
import { shipmentsNotOnFile } from './support/not-on-file.js';
import { leadSheetDocument } from './support/lead-sheet-document.js';
import { unprintable } from './support/unprintable.js';

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
  const { trip, document, logo, notOnFile } = await deps.store.transaction(
    async (repos) => {
      const stored = await tripOf(repos, actor, input.tripId);
      const assembled = await leadSheetDocument(repos, stored);
      return {
        trip: stored,
        document: assembled,
        logo: input.logo ?? (await repos.companyLogos.find(actor.companyId))?.bytes,
        notOnFile: await shipmentsNotOnFile(repos, actor.companyId, [
          { tripId: stored.id, document: assembled },
        ]),
      };
    },
    { readOnly: true },
  );
  const result = await inTurnWhenLarge(document.shipments?.length ?? 0, () =>
    leadSheetPdf(document, leadSheetOptions(deps, input, { logo, notOnFile })),
  );
  if (!result.ok) throw unprintable('lead sheet', result.issues);
  return {
    pdf: result.pdf,
    pages: result.pages,
    filename: fileName(trip.tripNumber, 'lead-sheet'),
    document,
  };
}
