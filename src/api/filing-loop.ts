/**
 * The background half of filing: every `intervalMs` the outbox is delivered and CBP's answers
 * are read, one round at a time (a slow round delays the next, never overlaps it). Several
 * service instances may each run one: the outbox's claims keep them apart. The alerts those
 * answers queued (webhooks, e-mail) go out in the same round.
 */
import {
  deliverAlerts,
  deliverOutbox,
  ingestResponses,
  type AppDeps,
  type CbpTransport,
  type WebhookPoster,
} from '../app/index.js';
import type { CbpTransportConfig } from '../config/service-config.js';
import { mailboxFolderTransport, simulatorTransport } from '../cbp/index.js';
import { httpWebhookPoster } from './webhook-poster.js';

/** A transport reached at an address: the built-in simulator is started first (start.ts). */
export type ReachableTransportConfig = Exclude<CbpTransportConfig, { kind: 'built-in' }>;

export function transportFor(config: ReachableTransportConfig): CbpTransport {
  switch (config.kind) {
    case 'simulator':
      return simulatorTransport(config.url);
    case 'folders':
      return mailboxFolderTransport({ outbound: config.outbound, inbound: config.inbound });
  }
}

export interface FilingLoop {
  /** Runs one round now (tests, the CLI). */
  round(): Promise<void>;
  /** Stops after the round in progress. */
  stop(): Promise<void>;
}

export function startFilingLoop(
  deps: AppDeps,
  transport: CbpTransport,
  intervalMs: number,
  onError: (error: unknown) => void,
  poster: WebhookPoster = httpWebhookPoster(),
): FilingLoop {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  // Each step on its own: CBP's mailbox being down must not hold back the alerts already
  // queued (webhooks and e-mail do not depend on CBP), nor one step's failure the others.
  const step = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      onError(error);
    }
  };
  const round = async () => {
    await step(() => deliverOutbox(deps, transport));
    await step(() => ingestResponses(deps, transport));
    await step(() => deliverAlerts(deps, poster));
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = round().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    round: () => (current = current.then(round)),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
