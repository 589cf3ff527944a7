import { parseArgs } from 'node:util';
import { createCompanyWithInvitation } from '../app/accounts/index.js';
import { AppError } from '../app/index.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { withServiceDatabase } from './service-database.js';

export const COMPANY_USAGE = `Usage: emanifest company create --name NAME --scac SCAC --admin-email EMAIL

Creates a carrier in the service's database (DATABASE_URL, or SQLITE_PATH) and an admin
invitation for EMAIL, valid for 7 days. Give the printed token to that person: they accept it
with POST /api/v1/invitations/accept, choosing a password if they have no account yet. No
password ever travels on a command line.`;

export async function companyCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
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
    throw new UsageError('the only company subcommand is "create".');
  }
  const { name, scac } = values;
  const adminEmail = values['admin-email'];
  if (name === undefined || scac === undefined || adminEmail === undefined) {
    throw new UsageError('--name, --scac and --admin-email are all required.');
  }
  try {
    const created = await withServiceDatabase(io, (deps) =>
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
  } catch (error) {
    if (error instanceof AppError) {
      const where = error.issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join('');
      io.stderr(`emanifest company create: ${error.message}${where}\n`);
      return EXIT.invalid;
    }
    throw error;
  }
}
