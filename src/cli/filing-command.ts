import { parseArgs } from 'node:util';
import {
  FILING_STATUSES,
  getFilingStatus,
  LIST_PAGE,
  listFilingShipments,
  type FilingStatus,
  type FilingStatusView,
  type ShipmentFilingStatus,
} from '../app/index.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { reportFormat } from './option-values.js';
import { withServiceActor } from './service-database.js';
import { tripIdOf } from './trip-by-number.js';

export const FILING_USAGE = `Usage: emanifest filing TRIPNUMBER [--company SCAC] [--status STATUS] [--format text|json]

Shows where one trip of the carrier stands at CBP, in the service's database (DATABASE_URL or
SQLITE_PATH), as the web app's filing panel does: the trip's status, how many of its shipments
stand in each status, then each shipment with its status and since when: those on the trip in
its order (a draft until first sent), then those sent and since taken off it. A trip of 100,000
shipments is read and written a page at a time.

  --company SCAC   the carrier the trip belongs to (needed when the database holds several);
                   EMANIFEST_TOKEN acts as that API token instead (docs/cli.md)
  --status STATUS  only the shipments in that status: ${FILING_STATUSES.join(', ')}
  --format json    one JSON object: trip (status, updatedAt), shipmentTotal, shipmentCounts
                   (status, count) and shipments (scn, status, updatedAt)

Exit status: 0 shown, 2 usage or setup (an unknown trip).`;

const count = new Intl.NumberFormat('en-US');

export async function filingCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      company: { type: 'string' },
      status: { type: 'string' },
      format: { type: 'string' },
    },
  });
  const [tripNumber, ...rest] = positionals;
  if (tripNumber === undefined || rest.length > 0) {
    throw new UsageError('filing takes exactly one trip number.');
  }
  const format = reportFormat(values.format);
  const status = values.status;
  if (status !== undefined && !isFilingStatus(status)) {
    throw new UsageError(`--status must be one of ${FILING_STATUSES.join(', ')}, not "${status}".`);
  }
  const database = { company: values.company, use: 'read' } as const;
  return await withServiceActor(io, database, async (deps, actor) => {
    const tripId = await tripIdOf(deps, actor, tripNumber);
    const view = await getFilingStatus(deps, actor, { tripId });
    const none = status === undefined ? 'The trip has no shipments.' : `No shipment is ${status}.`;
    const write = format === 'json' ? jsonWriter(io, view) : textWriter(io, tripNumber, view, none);
    // Page after page, each written as it is read: the whole list is never held.
    let cursor: string | undefined;
    do {
      const page = await listFilingShipments(deps, actor, {
        tripId,
        status,
        cursor,
        limit: LIST_PAGE.max,
      });
      write.shipments(page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    write.end();
    return EXIT.ok;
  });
}

function isFilingStatus(text: string): text is FilingStatus {
  return FILING_STATUSES.some((status) => status === text);
}

interface ShipmentsWriter {
  shipments(page: readonly ShipmentFilingStatus[]): void;
  end(): void;
}

function jsonWriter(io: CliIo, view: FilingStatusView): ShipmentsWriter {
  const head = {
    trip: view.trip,
    shipmentTotal: view.shipmentTotal,
    shipmentCounts: view.shipmentCounts,
  };
  // The object's last property is the list, written a page at a time.
  io.stdout(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "shipments": [`);
  let first = true;
  return {
    shipments: (page) => {
      if (page.length === 0) return;
      const items = page.map((shipment) => `\n    ${JSON.stringify(shipment)}`).join(',');
      io.stdout(`${first ? '' : ','}${items}`);
      first = false;
    },
    end: () => {
      io.stdout(first ? ']\n}\n' : '\n  ]\n}\n');
    },
  };
}

function textWriter(
  io: CliIo,
  tripNumber: string,
  view: FilingStatusView,
  none: string,
): ShipmentsWriter {
  const since = view.trip.updatedAt === null ? '' : ` since ${view.trip.updatedAt}`;
  io.stdout(`Trip ${tripNumber}: ${view.trip.status}${since}\n`);
  const counts = view.shipmentCounts
    .map((entry) => `${entry.status} ${count.format(entry.count)}`)
    .join(', ');
  io.stdout(
    `Shipments: ${count.format(view.shipmentTotal)}${counts === '' ? '' : ` (${counts})`}\n`,
  );
  // Columns as wide as their longest possible value: every page lines up with the first.
  const scnWidth = 16;
  const statusWidth = Math.max(...FILING_STATUSES.map((status) => status.length));
  let listed = 0;
  return {
    shipments: (page) => {
      if (listed === 0 && page.length > 0) {
        io.stdout(`\n${'SCN'.padEnd(scnWidth)}  ${'Status'.padEnd(statusWidth)}  Since\n`);
      }
      listed += page.length;
      io.stdout(
        page
          .map((shipment) =>
            `${shipment.scn.padEnd(scnWidth)}  ${shipment.status.padEnd(statusWidth)}  ${shipment.updatedAt ?? ''}`.trimEnd(),
          )
          .map((line) => `${line}\n`)
          .join(''),
      );
    },
    end: () => {
      if (listed === 0) io.stdout(`${none}\n`);
    },
  };
}
