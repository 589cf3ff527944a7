import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EdiProfile } from '../../edi/index.js';
import { CbpSimulator } from './cbp-simulator.js';
import type { Scenario } from './scenario.js';
import { loadState, saveState } from './state-file.js';

/**
 * The simulator as a server on loopback, its mailbox over HTTP (docs/cbp-simulator.md):
 *   PUT  /mailbox/in                      one interchange (text) per request
 *   GET  /mailbox/out?after=SEQ&receiver=ID  the answers after a cursor
 *   GET  /mailbox/receipts                what arrived, with the number of deliveries
 *   POST /clock/advance?minutes=N         moves simulated time forward
 *   GET  /healthz
 * Every change is saved to the data folder before the request is answered, so a restart
 * loses nothing that was acknowledged.
 */
export interface SimulatorServer {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSimulatorServer(options: {
  readonly port: number;
  readonly dataDir: string;
  readonly scenario: Scenario;
  /** Real milliseconds between two looks for due 350s. */
  readonly tickMs?: number;
  /** The layout to read (the filer's EDI profile); the built-in one when not given. */
  readonly profile?: EdiProfile | undefined;
}): Promise<SimulatorServer> {
  const saved = await loadState(options.dataDir);
  const simulator =
    saved === undefined
      ? CbpSimulator.fresh(options.scenario, Date.now, options.profile)
      : new CbpSimulator(saved, options.scenario, Date.now, options.profile);
  // One change at a time: each request's change and its save complete before the next starts.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T> | T): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const persist = async () => {
    simulator.anchor();
    await saveState(options.dataDir, simulator.state);
  };
  await serial(persist);

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'the simulator failed on this request' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method ?? ''} ${url.pathname}`;
    switch (route) {
      case 'GET /healthz':
        send(res, 200, { ok: true, simulatedNow: simulator.simulatedNow().toISOString() });
        return;
      case 'PUT /mailbox/in': {
        const text = await readBody(req);
        if (text === undefined) {
          send(res, 413, { error: `an interchange is at most ${MAX_BODY} bytes` });
          return;
        }
        const receipt = await serial(async () => {
          const r = simulator.receive(text);
          if (r.outcome !== 'unaddressable') await persist();
          return r;
        });
        send(
          res,
          receipt.outcome === 'unaddressable' ? 400 : receipt.outcome === 'duplicate' ? 200 : 202,
          receipt,
        );
        return;
      }
      case 'GET /mailbox/out': {
        const after = Number(url.searchParams.get('after') ?? '0');
        if (!Number.isInteger(after) || after < 0) {
          send(res, 400, { error: 'after must be a whole number' });
          return;
        }
        const receiver = url.searchParams.get('receiver') ?? undefined;
        const answers = simulator.answersAfter(after, receiver);
        send(res, 200, { answers, cursor: answers.at(-1)?.seq ?? after });
        return;
      }
      case 'GET /mailbox/receipts':
        send(res, 200, { receipts: Object.values(simulator.state.receipts) });
        return;
      case 'POST /clock/advance': {
        const minutes = Number(url.searchParams.get('minutes') ?? '');
        if (!Number.isFinite(minutes) || minutes < 0 || minutes > 1_000_000) {
          send(res, 400, { error: 'minutes must be a number from 0 to 1000000' });
          return;
        }
        const now = await serial(async () => {
          simulator.advance(minutes);
          simulator.tick();
          await persist();
          return simulator.simulatedNow();
        });
        send(res, 200, { simulatedNow: now.toISOString() });
        return;
      }
      default:
        send(res, 404, { error: `no route ${route}` });
    }
  }

  const timer = setInterval(() => {
    void serial(async () => {
      if (simulator.tick() > 0) await persist();
    });
  }, options.tickMs ?? 250);
  timer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the simulator is a test double, never a service on the network.
    server.listen(options.port, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      clearInterval(timer);
      await serial(persist);
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
