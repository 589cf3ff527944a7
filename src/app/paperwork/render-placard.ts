/**
 * renderPlacard(deps, actor, { tripId, size? }) → the stored trip's windshield placard (its CBP
 * QR code six inches wide) as PDF (any role); refused like the lead sheet when the QR code
 * would be unreadable.
 */
import { placardPdf } from '../../documents/index.js';
import type { Actor } from '../shared/actor.js';
import {
  fileName,
  type PaperSize,
  type PaperworkDeps,
  type RenderedPdf,
} from './support/paperwork-deps.js';
import { tripOf } from '../shared/lookups.js';
import { unprintable } from './support/unprintable.js';

export async function renderPlacard(
  deps: PaperworkDeps,
  actor: Actor,
  input: { readonly tripId: string; readonly size?: PaperSize | undefined },
): Promise<RenderedPdf> {
  // The trip's own fields make the placard (its QR code: trip number, ETA date, plates): its
  // shipments are not read (a trip of 100,000 took 2.6 s and 518 MB to print one page).
  const trip = await deps.store.transaction((repos) => tripOf(repos, actor, input.tripId), {
    readOnly: true,
  });
  const result = await placardPdf(trip.document, { fonts: deps.fonts, size: input.size });
  if (!result.ok) throw unprintable('QR placard', result.issues);
  return { pdf: result.pdf, pages: result.pages, filename: fileName(trip.tripNumber, 'placard') };
}
