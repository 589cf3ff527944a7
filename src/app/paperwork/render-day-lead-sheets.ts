/**
 * renderDayLeadSheets(deps, actor, { date, variant?, driverName?, size? }) → the lead sheets of
 * every trip of the company whose ETA falls on `date` (port-local, YYYY-MM-DD: the date the
 * driver reaches the port, as filed), in one PDF with the company's logo when set, ordered by ETA then trip number; cancelled
 * trips are left out (any role). No trip that day: NOT_FOUND. One trip with an unreadable QR
 * code refuses the whole batch, its trip number in each issue's message.
 */
import {
  leadSheetRefusals,
  leadSheetsPdf,
  MAX_LEAD_SHEET_SHIPMENTS,
} from '../../documents/index.js';
import { inTurnWhenLarge } from '../shared/large-work.js';
import { leadSheetOptions, type LeadSheetChoices } from './support/lead-sheet-options.js';
import { shipmentsNotOnFile } from './support/not-on-file.js';
import type { TripDocument } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import { notFound } from '../shared/errors.js';
import { InputChecks, isDate } from '../shared/input-checks.js';
import { LIST_PAGE } from '../shared/page-size.js';
import type { TripRecord } from '../shared/records.js';
import { assembleTripDocument } from '../shared/trip-documents.js';
import type { PaperworkDeps, RenderedPdf } from './support/paperwork-deps.js';
import { unprintable } from './support/unprintable.js';

export interface DayLeadSheetsInput extends LeadSheetChoices {
  readonly date: string;
}

export interface DayLeadSheets extends RenderedPdf {
  readonly tripNumbers: readonly string[];
}

function byArrival(a: TripDocument, b: TripDocument): number {
  const eta = (a.estimatedArrivalDateTime ?? '').localeCompare(b.estimatedArrivalDateTime ?? '');
  return eta !== 0 ? eta : (a.tripNumber ?? '').localeCompare(b.tripNumber ?? '');
}

export async function renderDayLeadSheets(
  deps: PaperworkDeps,
  actor: Actor,
  input: DayLeadSheetsInput,
): Promise<DayLeadSheets> {
  new InputChecks()
    .check(isDate(input.date), 'LEAD_SHEET_DATE_INVALID', '/date', 'Use YYYY-MM-DD.')
    .throwIfAny('Lead sheets of a day');
  const { documents, logo, notOnFile } = await deps.store.transaction(
    async (repos) => {
      const trips: TripRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await repos.trips.list(
          actor.companyId,
          { arrivalFrom: input.date, arrivalTo: input.date },
          { cursor, limit: LIST_PAGE.max },
        );
        trips.push(...page.items.filter((trip) => trip.status !== 'cancelled'));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      // A pile too large for lead sheets is refused from the trips' counts, shipments unread.
      const totals = await repos.shipments.totalsOfTrips(
        actor.companyId,
        trips.map((trip) => trip.id),
      );
      const count = [...totals.values()].reduce((sum, total) => sum + total.count, 0);
      if (count > MAX_LEAD_SHEET_SHIPMENTS) {
        const refused = trips.map((trip) => trip.document).sort(byArrival);
        throw unprintable('lead sheets', leadSheetRefusals(refused, count, true));
      }
      const shipments = await repos.shipments.allOfTrips(
        actor.companyId,
        trips.map((trip) => trip.id),
      );
      const assembled = trips.map((trip) =>
        assembleTripDocument(trip, shipments.get(trip.id) ?? []),
      );
      const companyLogo = await repos.companyLogos.find(actor.companyId);
      const marks = await shipmentsNotOnFile(
        repos,
        actor.companyId,
        trips.map((trip, n) => ({
          tripId: trip.id,
          document: assembled[n] ?? { data: 'ACE_TRIP' },
        })),
      );
      return { documents: assembled.sort(byArrival), logo: companyLogo?.bytes, notOnFile: marks };
    },
    { readOnly: true },
  );
  if (documents.length === 0) throw notFound(`Trips arriving on ${input.date}`);
  const shipments = documents.reduce((sum, document) => sum + (document.shipments?.length ?? 0), 0);
  const result = await inTurnWhenLarge(shipments, () =>
    leadSheetsPdf(
      documents,
      leadSheetOptions(deps, input, { logo, notOnFile }),
      `ACE Electronic Manifest lead sheets ${input.date}`,
    ),
  );
  // Each issue names its trip (leadSheetsPdf): the day's list is not what the user holds.
  if (!result.ok) throw unprintable('lead sheets', result.issues);
  return {
    pdf: result.pdf,
    pages: result.pages,
    filename: `lead-sheets-${input.date}.pdf`,
    tripNumbers: documents.map((document) => document.tripNumber ?? ''),
  };
}
