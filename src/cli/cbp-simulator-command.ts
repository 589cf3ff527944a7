import { parseArgs } from 'node:util';
import {
  defaultScenario,
  parseScenario,
  startSimulatorServer,
  type Scenario,
} from '../cbp/simulator/index.js';
import { readEdiProfileFile } from '../config/setting-file.js';
import { EXIT, UnusableError, UsageError, type CliIo, type ExitCode } from './io.js';
import { readJsonFile } from './read-document-file.js';

export const CBP_SIMULATOR_USAGE = `Usage: emanifest cbp-simulator [--port N] [--data DIR] [--scenario FILE] [--profile FILE]

Runs a simulator of CBP's ACE truck manifest system on 127.0.0.1, for development and tests
(docs/cbp-simulator.md). Its mailbox takes one X12 interchange per PUT /mailbox/in and answers
in GET /mailbox/out: a 997 for the envelope, a 355 accepting or rejecting the trip and each
shipment, then 350 statuses on an accelerated clock (entry on file, arrival, release, holds).

  --port N         the port to listen on (default 4980; 0 picks a free one)
  --data DIR       where its state is kept across restarts (default ./data/cbp-simulator)
  --scenario FILE  JSON: clock acceleration, SCNs already on file, status timeline, holds
  --profile FILE   the EDI profile the service files with (its EDI_PROFILE), to read its layout

It prints "CBP simulator listening on URL" once ready; stops on SIGTERM or SIGINT.`;

interface SimulatorOptions {
  readonly port: number;
  readonly data: string;
  readonly scenario: string | undefined;
  readonly profile: string | undefined;
}

function parseOptions(args: readonly string[]): SimulatorOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string', default: '4980' },
      data: { type: 'string', default: 'data/cbp-simulator' },
      scenario: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0] ?? ''}".`);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  }
  return { port, data: values.data, scenario: values.scenario, profile: values.profile };
}

async function readScenario(io: CliIo, file: string | undefined): Promise<Scenario> {
  if (file === undefined) return defaultScenario();
  const reading = await readJsonFile(io, file);
  if (!reading.ok) throw new UnusableError(`--scenario ${reading.issue.message}`);
  const parsed = parseScenario(reading.json);
  if (!parsed.ok) {
    throw new UnusableError(
      `--scenario ${file} is not a valid scenario:\n  ${parsed.errors.join('\n  ')}`,
    );
  }
  return parsed.scenario;
}

export async function cbpSimulatorCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(args);
  const scenario = await readScenario(io, options.scenario);
  const profile =
    options.profile === undefined
      ? undefined
      : await readEdiProfileFile('--profile', options.profile, io.readFile);
  const server = await startSimulatorServer({
    port: options.port,
    dataDir: options.data,
    scenario,
    profile,
  }).catch((error: unknown) => {
    throw new UnusableError(
      `cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  io.stderr(`CBP simulator listening on ${server.url} (state in ${options.data})\n`);
  return EXIT.ok;
}
