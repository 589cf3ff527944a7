import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { parseConfig } from '../config/service-config.js';
import { startService } from '../api/start.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';

export const SERVE_USAGE = `Usage: emanifest serve

Runs the service: REST API under /api/v1, docs at /api/docs. Configured by environment:
  PORT (3000), HOST (127.0.0.1), DATABASE_URL (postgres://…; unset = embedded SQLite),
  SQLITE_PATH (./data/emanifest.sqlite), NODE_ENV (development|production|test),
  LOG_LEVEL (info), SESSION_TTL (12h), RULES_FILE (a replacement regulation table),
  TRUST_PROXY (false), PASSWORD_HASH_COST (15, scrypt's log2 N); filing with CBP:
  CBP_TRANSPORT (none|simulator|folders), CBP_SIMULATOR_URL, CBP_OUTBOUND_DIR, CBP_INBOUND_DIR, CBP_POLL_INTERVAL (5s).
On an empty database outside production it creates the demo carrier and prints its login.
Stops gracefully on SIGTERM or SIGINT.`;

export async function serveCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  if (args.length > 0) throw new UsageError(`serve takes no arguments (got "${args.join(' ')}").`);
  const parsed = parseConfig(io.env);
  if (!parsed.ok) {
    throw new UnusableError(`configuration is invalid:\n  ${parsed.errors.join('\n  ')}`);
  }
  await resolvable(parsed.config.host);
  const service = await startService(parsed.config, { print: io.stderr }).catch(
    (error: unknown) => {
      // Start-up fails on the environment (port taken, database unreachable, bad RULES_FILE):
      // say so plainly, without a stack trace.
      throw new UnusableError(
        `cannot start: ${error instanceof Error ? error.message : String(error)}`,
      );
    },
  );
  io.stderr(`ACE eManifest listening on ${service.url} (API docs: ${service.url}/api/docs)\n`);
  return EXIT.ok;
}

/**
 * A HOST given by name must resolve before anything starts: otherwise the service would set up
 * its database and outbox, then fail at listen with getaddrinfo's words.
 */
async function resolvable(host: string): Promise<void> {
  if (isIP(host) !== 0) return;
  try {
    await lookup(host);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UnusableError(
      `cannot start: HOST ${host} does not resolve to an address (${reason}); set HOST to an IP address (127.0.0.1, 0.0.0.0) or a name that resolves.`,
    );
  }
}
