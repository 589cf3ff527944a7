import { parseArgs } from 'node:util';
import {
  isDate,
  listTrips,
  TRIP_STATUSES,
  type TripListItem,
  type TripStatus,
} from '../app/index.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { reportFormat } from './option-values.js';
import { withServiceActor } from './service-database.js';

export const TRIPS_USAGE = `Usage: emanifest trips [--company SCAC] [--date YYYY-MM-DD] [--status STATUS] [--search TEXT] [--format text|json]

Lists the carrier's trips in the service's database (DATABASE_URL or SQLITE_PATH), newest
first, as the web app's trips list shows them: the trip's status (draft until its first sync,
filed, or cancelled), trip number, ETA (port time), port of arrival, where CBP stands on the
trip (its filing status, or not sent, and how many of its shipments CBP rejected), the rule
engine's errors and the shipment count.

  --company SCAC     the carrier (needed when the database holds several); EMANIFEST_TOKEN
                     acts as that API token instead (docs/cli.md)
  --date YYYY-MM-DD  only the trips arriving that day (port-local)
  --status STATUS    only the trips in that status: draft (what is left to file), filed or
                     cancelled
  --search TEXT      trip number, SCN, driver, truck or trailer number or plate
  --format json      one JSON array (tripNumber, status, eta, port, cbp, errorCount,
                     shipmentCount)

Exit status: 0 listed (also when none match), 2 usage or setup.`;

/** What a line or a JSON item says of a trip. */
function summary(trip: TripListItem) {
  return {
    tripNumber: trip.tripNumber,
    status: trip.status,
    eta: trip.document.estimatedArrivalDateTime ?? null,
    port: trip.document.usPortOfArrival ?? null,
    cbp: trip.cbp,
    errorCount: trip.errorCount,
    shipmentCount: trip.shipmentCount,
  };
}

function atCbp(cbp: TripListItem['cbp']): string {
  const status = cbp.status === 'draft' ? 'not sent' : cbp.status;
  return cbp.rejectedShipments === 0 ? status : `${status}, ${cbp.rejectedShipments} rejected`;
}

function table(trips: readonly TripListItem[]): string {
  const rows = [
    ['Status', 'Trip number', 'ETA (port time)', 'Port', 'At CBP', 'Errors', 'Shipments'],
    ...trips.map((trip) => [
      trip.status,
      trip.tripNumber,
      trip.document.estimatedArrivalDateTime?.slice(0, 16) ?? '',
      trip.document.usPortOfArrival ?? '',
      atCbp(trip.cbp),
      String(trip.errorCount ?? ''),
      String(trip.shipmentCount),
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export async function tripsCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      company: { type: 'string' },
      date: { type: 'string' },
      status: { type: 'string' },
      search: { type: 'string' },
      format: { type: 'string' },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0] ?? ''}".`);
  const format = reportFormat(values.format);
  const date = values.date;
  if (date !== undefined && !isDate(date)) {
    throw new UsageError(`--date must be a date as YYYY-MM-DD, not "${date}".`);
  }
  const status = values.status;
  if (status !== undefined && !isTripStatus(status)) {
    throw new UsageError(`--status must be draft, filed or cancelled, not "${status}".`);
  }
  const database = { company: values.company, use: 'read' } as const;
  return await withServiceActor(io, database, async (deps, actor) => {
    const trips: TripListItem[] = [];
    let cursor: string | undefined;
    // Every page: a day of forty trucks is one page, a year of them is several.
    do {
      const page = await listTrips(deps, actor, {
        arrivalFrom: date,
        arrivalTo: date,
        text: values.search,
        status,
        cursor,
        limit: 100,
      });
      trips.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    if (format === 'json') io.stdout(`${JSON.stringify(trips.map(summary), null, 2)}\n`);
    else if (trips.length === 0) io.stdout('No trip matches.\n');
    else io.stdout(`${table(trips)}\n`);
    return EXIT.ok;
  });
}

function isTripStatus(text: string): text is TripStatus {
  return TRIP_STATUSES.some((status) => status === text);
}
