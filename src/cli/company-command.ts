import { parseArgs } from 'node:util';
import { createCompanyWithInvitation } from '../app/accounts/index.js';
import { getEdiIdentity, setFilingMode, setSenderId } from '../app/index.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { withServiceActor, withServiceDatabase } from './service-database.js';

export const COMPANY_USAGE = `Usage: emanifest company create --name NAME --scac SCAC --admin-email EMAIL
       emanifest company edi [--company SCAC] [--sender-id ID] [--filing-mode test|production]

create: makes a carrier in the service's database (DATABASE_URL, or SQLITE_PATH) and an admin
invitation for EMAIL, valid for 7 days. Give the printed token to that person: they accept it
with POST /api/v1/invitations/accept, choosing a password if they have no account yet. No
password ever travels on a command line.

edi: prints how the company files with CBP (its X12 sender ID and filing mode), and sets them:
  --sender-id ID      the interchange sender ID CBP assigned at certification (ISA06, GS02)
  --filing-mode MODE  test (CBP certification, ISA15 T; every company starts so) or
                      production (P), once CBP has certified the company
  --company SCAC      the company; needed when the database holds several

Exit status: 0 done, 1 refused (the reason printed), 2 usage or the database.`;

export async function companyCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  if (args[0] === 'edi') return ediCommand(io, args.slice(1));
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: 'string' },
      scac: { type: 'string' },
      'admin-email': { type: 'string' },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'create') {
    throw new UsageError('the company subcommands are "create" and "edi".');
  }
  const { name, scac } = values;
  const adminEmail = values['admin-email'];
  if (name === undefined || scac === undefined || adminEmail === undefined) {
    throw new UsageError('--name, --scac and --admin-email are all required.');
  }
  // A refusal (a SCAC taken or malformed) is main's to print: CODE /path: message, exit 1.
  // Setting up a service: the first company may come before the first start.
  const created = await withServiceDatabase(io, 'create', (deps) =>
    createCompanyWithInvitation(deps, { name, scac, adminEmail }),
  );
  io.stdout(
    [
      `Created ${created.company.name} (SCAC ${created.company.scac}, id ${created.company.id}).`,
      `Admin invitation for ${adminEmail.trim().toLowerCase()}, valid until ${created.expiresAt}:`,
      `  ${created.invitationToken}`,
      'Shown only now. The invitee accepts it with POST /api/v1/invitations/accept.',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** `emanifest company edi`: the sender ID and filing mode, read and set as an admin would. */
async function ediCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: {
      company: { type: 'string' },
      'sender-id': { type: 'string' },
      'filing-mode': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}.`);
  const mode = values['filing-mode'];
  if (mode !== undefined && mode !== 'test' && mode !== 'production') {
    throw new UsageError(`--filing-mode must be test or production, not "${mode}".`);
  }
  const senderId = values['sender-id'];
  // Showing the identity only reads; setting it writes.
  const use = senderId === undefined && mode === undefined ? 'read' : 'write';
  return await withServiceActor(io, { company: values.company, use }, async (deps, actor) => {
    let identity = await getEdiIdentity(deps, actor);
    if (senderId !== undefined) {
      const set = await setSenderId(deps, actor, { senderId, expectedVersion: identity.version });
      identity = set.identity;
      for (const issue of set.issues) io.stdout(`warning: ${issue.message} [${issue.code}]\n`);
    }
    if (mode !== undefined) {
      identity = await setFilingMode(deps, actor, { mode, expectedVersion: identity.version });
    }
    io.stdout(
      [
        `Sender ID (ISA06): ${identity.senderId}${identity.defaultedToScac ? ' (the SCAC, until CBP assigns one)' : ''}`,
        `Filing mode: ${identity.filingMode === 'production' ? 'production (ISA15 P): filed for real' : 'test (ISA15 T): CBP certification'}`,
        `Interchanges sent: ${String(identity.controlNumbersUsed)}`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  });
}
