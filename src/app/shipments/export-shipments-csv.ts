/**
 * exportShipmentsCsv(deps, actor, { tripId }) → { tripNumber, file } — anyone in the company
 * downloads a trip's shipments (or the unassociated list) as the bulk-upload template
 * (docs/csv-template.md): uploading the file again reads back the same shipments.
 *
 * Written a page at a time into a file (shared/paged-export.ts) and written again when the
 * list's shipments (their totals) or the trip changed meanwhile.
 */
import { shipmentCsvLines } from '../../csv/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { conflict } from '../shared/errors.js';
import type { ExportFile } from '../shared/export-file.js';
import { tripOf } from '../shared/lookups.js';
import { forEachShipmentPage, sameTotals, writePagedExport } from '../shared/paged-export.js';
import type { TripShipmentTotals } from '../shared/ports/index.js';
import type { TripRecord } from '../shared/records.js';

export interface ShipmentsCsvExport {
  /** The trip's number, or null for the unassociated list. */
  readonly tripNumber: string | null;
  readonly file: ExportFile;
}

interface ListState {
  readonly trip: TripRecord | undefined;
  readonly totals: TripShipmentTotals | undefined;
}

export async function exportShipmentsCsv(
  deps: AppDeps,
  actor: Actor,
  input: { readonly tripId: string | null },
): Promise<ShipmentsCsvExport> {
  let tripNumber: string | null = null;
  const file = await writePagedExport<ListState>(deps, {
    async state(repos) {
      const trip = input.tripId === null ? undefined : await tripOf(repos, actor, input.tripId);
      tripNumber = trip?.tripNumber ?? null;
      return {
        trip,
        totals: await repos.shipments.totalsOfList(actor.companyId, trip?.id ?? null),
      };
    },
    same: (a, b) => a.trip?.version === b.trip?.version && sameTotals(a.totals, b.totals),
    async write({ trip }, sink) {
      let header = true;
      await forEachShipmentPage(deps, actor.companyId, trip?.id ?? null, async (records) => {
        let text = '';
        const shipments = records.map((record) => record.shipment);
        for (const line of shipmentCsvLines(shipments, header)) text += line;
        header = false;
        await sink.write(text);
      });
    },
    refusal: ({ trip }) =>
      conflict(
        `${trip === undefined ? 'The unassociated shipments' : `Trip ${trip.tripNumber}`} changed while being exported, three times in a row; export again.`,
      ),
  });
  return { tripNumber, file };
}
