import { parseArgs } from 'node:util';
import { deliverAlerts, deliverOutbox, ingestResponses, syncTrip } from '../app/index.js';
import { transportFor } from '../api/filing-loop.js';
import { httpWebhookPoster } from '../api/webhook-poster.js';
import { createSmtpMailer } from '../mail/smtp-mailer.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { withServiceActor } from './service-database.js';
import { tripIdOf } from './trip-by-number.js';

export const SYNC_USAGE = `Usage: emanifest sync TRIPNUMBER [--company SCAC] [--rekey] [--cancel] [--resend]

Syncs one trip of the carrier with CBP, in the service's database (DATABASE_URL or
SQLITE_PATH): queues exactly the X12 messages CBP needs (first filing, corrections, shipments
added or removed), then, when CBP_TRANSPORT is set, delivers the outbox and reads the answers
once. Nothing is queued when the trip has validation errors.

  --company SCAC  the carrier the trip belongs to (needed when the database holds several);
                  EMANIFEST_TOKEN acts as that API token instead (docs/cli.md)
  --rekey      confirm a re-key (trip number or ETA date changed after CBP accepted the trip)
  --cancel     withdraw everything CBP accepted of the trip
  --resend     send again what CBP never acknowledged (no 997 30 minutes after sending)

Exit status: 0 queued (or already in sync), 1 refused (errors printed), 2 usage or setup.`;

export async function syncCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      company: { type: 'string' },
      rekey: { type: 'boolean', default: false },
      cancel: { type: 'boolean', default: false },
      resend: { type: 'boolean', default: false },
    },
  });
  const [tripNumber, ...rest] = positionals;
  if (tripNumber === undefined || rest.length > 0) {
    throw new UsageError('sync takes exactly one trip number.');
  }
  const database = { company: values.company, use: 'write' } as const;
  return await withServiceActor(io, database, async (deps, actor, config) => {
    const tripId = await tripIdOf(deps, actor, tripNumber);
    const result = await syncTrip(deps, actor, {
      tripId,
      rekey: values.rekey,
      cancel: values.cancel,
      resend: values.resend,
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
    if (config.cbp?.kind === 'built-in') {
      // The built-in simulator lives in `emanifest serve`'s process: that service delivers
      // the outbox to it and reads its answers.
      if (result.transmissions.length > 0) {
        io.stdout(
          'The running service (`emanifest serve`) delivers them to its built-in CBP simulator; `emanifest trips` shows the answers.\n',
        );
      }
    } else if (config.cbp !== undefined) {
      const transport = transportFor(config.cbp);
      // The answers read here queue alerts as the service's loop would: e-mail too when SMTP is set.
      const mailer = config.mail === undefined ? undefined : createSmtpMailer(config.mail);
      const withAlerts = { ...deps, mailer, publicUrl: config.publicUrl };
      try {
        const report = await deliverOutbox(withAlerts, transport);
        const answers = await ingestResponses(withAlerts, transport);
        await deliverAlerts(
          withAlerts,
          httpWebhookPoster({ privateNetworks: config.webhookPrivateNetworks }),
        );
        io.stdout(
          `sent ${report.delivered + report.duplicates}, waiting to retry ${report.retrying}; read ${answers.messages} answer(s)\n`,
        );
      } finally {
        mailer?.close();
      }
    } else if (result.transmissions.length > 0) {
      io.stdout(
        'No CBP transport is configured (CBP_TRANSPORT=none): the interchanges wait in the outbox.\n',
      );
    }
    return EXIT.ok;
  });
}
