/**
 * renderShipmentPapers(deps, actor, { shipmentId, size? }) → the papers of one stored informal
 * shipment (Section 321, intangibles, a CBP-form type) as PDF, with its trip's number, port and
 * ETA when it is attached to one (any role). PAPS and in-bond shipments travel on the lead
 * sheet: INVALID_STATE with SHIPMENT_PAPERS_NOT_INFORMAL.
 */
import { isInformal, shipmentPapersPdf } from '../../documents/index.js';
import type { TripDocument } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import { AppError } from '../shared/errors.js';
import { shipmentOf } from '../shared/lookups.js';
import { assembleTripDocument } from '../shared/trip-documents.js';
import {
  fileName,
  type PaperSize,
  type PaperworkDeps,
  type RenderedPdf,
} from './support/paperwork-deps.js';
import { unprintable } from './support/unprintable.js';

export async function renderShipmentPapers(
  deps: PaperworkDeps,
  actor: Actor,
  input: { readonly shipmentId: string; readonly size?: PaperSize | undefined },
): Promise<RenderedPdf> {
  const { record, trip } = await deps.store.transaction(
    async (repos) => {
      const found = await shipmentOf(repos, actor, input.shipmentId);
      if (found.tripId === null) return { record: found, trip: undefined };
      const tripRecord = await repos.trips.findById(actor.companyId, found.tripId);
      const document: TripDocument | undefined =
        tripRecord === undefined ? undefined : assembleTripDocument(tripRecord, []);
      return { record: found, trip: document };
    },
    { readOnly: true },
  );
  const scn = record.shipment.shipmentControlNumber ?? '';
  if (!isInformal(record.shipment)) {
    throw new AppError(
      'INVALID_STATE',
      `Shipment ${scn} has no papers of its own: it is not informal; it travels on the lead sheet.`,
      [
        {
          code: 'SHIPMENT_PAPERS_NOT_INFORMAL',
          severity: 'error',
          path: '/type',
          message: `Shipment papers are printed for Section 321, intangible and CBP-form shipments; ${scn} is ${record.shipment.type ?? 'of no type'}, so it travels on the trip's lead sheet.`,
        },
      ],
    );
  }
  const result = await shipmentPapersPdf([record.shipment], trip, {
    fonts: deps.fonts,
    size: input.size,
  });
  if (!result.ok) throw unprintable('shipment papers', result.issues);
  return { pdf: result.pdf, pages: result.pages, filename: fileName(scn, 'papers') };
}
