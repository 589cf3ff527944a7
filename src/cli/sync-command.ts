import { parseArgs } from 'node:util';
import {
  AppError,
  deliverOutbox,
  ingestResponses,
  randomIds,
  syncTrip,
  systemClock,
  type Actor,
  type AppDeps,
} from '../app/index.js';
import { transportFor } from '../api/filing-loop.js';
import { parseConfig } from '../config/service-config.js';
import { createSqlStore, migrateToLatest, openDatabase } from '../storage/index.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';

export const SYNC_USAGE = `Usage: emanifest sync TRIPNUMBER --scac SCAC [--rekey] [--cancel]

Syncs one trip of the carrier with CBP, in the service's database (DATABASE_URL or
SQLITE_PATH): queues exactly the X12 messages CBP needs (first filing, corrections, shipments
added or removed), then, when CBP_TRANSPORT is set, delivers the outbox and reads the answers
once. Nothing is queued when the trip has validation errors.

  --scac SCAC  the carrier the trip belongs to
  --rekey      confirm a re-key (trip number or ETA date changed after CBP accepted the trip)
  --cancel     withdraw everything CBP accepted of the trip

Exit status: 0 queued (or already in sync), 1 refused (errors printed), 2 usage or setup.`;

export async function syncCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      scac: { type: 'string' },
      rekey: { type: 'boolean', default: false },
      cancel: { type: 'boolean', default: false },
    },
  });
  const [tripNumber, ...rest] = positionals;
  if (tripNumber === undefined || rest.length > 0) {
    throw new UsageError('sync takes exactly one trip number.');
  }
  if (values.scac === undefined) throw new UsageError('sync needs --scac SCAC.');
  const parsed = parseConfig(io.env);
  if (!parsed.ok) {
    throw new UnusableError(`configuration is invalid:\n  ${parsed.errors.join('\n  ')}`);
  }
  const db = openDatabase(parsed.config.database);
  try {
    await migrateToLatest(db);
    const deps: AppDeps = {
      store: createSqlStore(db),
      clock: systemClock,
      ids: randomIds,
    };
    const scac = values.scac.trim().toUpperCase();
    const found = await deps.store.transaction(async (repos) => {
      const company = await repos.companies.findByScac(scac);
      if (company === undefined) return undefined;
      const page = await repos.trips.list(company.id, { text: tripNumber }, { limit: 100 });
      const trip = page.items.find((t) => t.tripNumber === tripNumber);
      return { company, trip };
    });
    if (found === undefined) throw new UnusableError(`no carrier with SCAC ${scac}.`);
    if (found.trip === undefined) {
      throw new UnusableError(`carrier ${scac} has no trip ${tripNumber}.`);
    }
    // The command line acts for the carrier as a dispatcher would.
    const actor: Actor = {
      kind: 'token',
      companyId: found.company.id,
      tokenId: 'command-line',
      role: 'dispatcher',
    };
    const result = await syncTrip(deps, actor, {
      tripId: found.trip.id,
      rekey: values.rekey,
      cancel: values.cancel,
    });
    if (result.transmissions.length === 0) {
      io.stdout(`Trip ${tripNumber}: CBP already has what the trip says; nothing to send.\n`);
    }
    for (const t of result.transmissions) {
      io.stdout(
        `queued ${t.setId} ${t.purpose}, control number ${t.controlNumber}${t.scns.length > 0 ? `, ${t.scns.length} shipment(s)` : ''}\n`,
      );
    }
    for (const issue of result.issues.filter((i) => i.severity === 'warning')) {
      io.stdout(`  warning ${issue.path}: ${issue.message} [${issue.code}]\n`);
    }
    if (parsed.config.cbp !== undefined) {
      const transport = transportFor(parsed.config.cbp);
      const report = await deliverOutbox(deps, transport);
      const answers = await ingestResponses(deps, transport);
      io.stdout(
        `sent ${report.delivered + report.duplicates}, waiting to retry ${report.retrying}; read ${answers.messages} answer(s)\n`,
      );
    } else if (result.transmissions.length > 0) {
      io.stdout('CBP_TRANSPORT is not set: the interchanges wait in the outbox.\n');
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError) {
      const where = error.issues.map((i) => `\n  ${i.path || '/'}: ${i.message} [${i.code}]`);
      io.stderr(`emanifest sync: ${error.message}${where.join('')}\n`);
      return EXIT.invalid;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}
