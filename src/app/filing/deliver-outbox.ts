/**
 * deliverOutbox(deps, transport, options?) → DeliveryReport — hands due transmissions to the
 * transport, oldest first, one at a time per trip. Several senders (service instances) may run
 * at once: each claims rows under a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional
 * update on both databases), so no two hold the same row. A sender that dies after sending but
 * before recording it lets the lease run out, and the row is sent again under the same control
 * number: the other end recognises it (`duplicate`), so CBP processes it once.
 */
import { enqueueAlerts, type StatusChange } from '../alerts/support/alert-events.js';
import type { Clock, IdGenerator } from '../shared/deps.js';
import {
  TransportUnavailable,
  type CbpTransport,
  type Mailer,
  type Store,
  type Transmission,
} from '../shared/ports/index.js';

export interface OutboxDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** A refusal for good queues its `rejected` alerts (docs/alerts.md). */
  readonly ids: IdGenerator;
  readonly mailer?: Mailer | undefined;
  readonly publicUrl?: string | undefined;
}

export interface DeliveryReport {
  readonly delivered: number;
  readonly duplicates: number;
  readonly retrying: number;
  readonly failed: number;
}

export interface DeliveryOptions {
  readonly limit?: number;
  /** How long a claim lasts before another sender may take the row. */
  readonly leaseMs?: number;
  /** Called just after the transport took an interchange, before it is recorded (crash tests). */
  readonly afterSend?: (transmission: Transmission) => Promise<void> | void;
}

/** 5 s, 10 s, 20 s … up to 15 minutes between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}

export async function deliverOutbox(
  deps: OutboxDeps,
  transport: CbpTransport,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const report = { delivered: 0, duplicates: 0, retrying: 0, failed: 0 };
  // A trip's next interchange becomes due when the one before it is sent: claim again until
  // a round finds nothing (bounded, so one call never runs forever).
  for (let round = 0; round < 100; round++) {
    const done = report.delivered + report.duplicates;
    const claimed = await claimRound(deps, transport, options, report);
    if (claimed === 0 || report.delivered + report.duplicates === done) break;
  }
  return report;
}

async function claimRound(
  deps: OutboxDeps,
  transport: CbpTransport,
  options: DeliveryOptions,
  report: { delivered: number; duplicates: number; retrying: number; failed: number },
): Promise<number> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? 60_000)).toISOString();
  const claimed = await deps.store.transaction((repos) =>
    repos.filing.claimDue(now.toISOString(), leaseUntil, options.limit ?? 50),
  );
  for (const transmission of claimed) {
    let outcome;
    try {
      outcome = await transport.send(transmission.payload);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(deps.clock.now().getTime() + backoffMs(transmission.attempts));
      await deps.store.transaction((repos) =>
        repos.filing.markAttemptFailed(
          transmission.id,
          error instanceof TransportUnavailable ? reason : `unexpected: ${reason}`,
          retryAt.toISOString(),
        ),
      );
      report.retrying += 1;
      continue;
    }
    await options.afterSend?.(transmission);
    const at = deps.clock.now().toISOString();
    switch (outcome.kind) {
      case 'delivered':
      case 'duplicate':
        await deps.store.transaction((repos) => repos.filing.markSent(transmission.id, at));
        if (outcome.kind === 'delivered') report.delivered += 1;
        else report.duplicates += 1;
        break;
      case 'refused':
        await deps.store.transaction(async (repos) => {
          await repos.filing.markAttemptFailed(transmission.id, outcome.reason, null);
          // Never to arrive: the trip and its shipments are rejected, so the next sync resends.
          const states = new Map(
            (await repos.filing.statuses(transmission.companyId, transmission.tripId)).map(
              (state) => [state.scn, state],
            ),
          );
          const detail = {
            controlNumber: transmission.controlNumber,
            reasons: [
              { code: null, text: `The mailbox refused the interchange: ${outcome.reason}` },
            ],
          };
          const scns = ['', ...transmission.scns];
          const changes: StatusChange[] = scns
            .filter((scn) => states.get(scn)?.status !== 'rejected')
            .map((scn) => ({ tripId: transmission.tripId, scn, status: 'rejected', detail }));
          // One batch of states (a 309 may name 9,999 shipments), not a statement per SCN;
          // what CBP accepted before stays, what was sent is dropped.
          await repos.filing.changeStates(
            scns.map((scn) => ({
              companyId: transmission.companyId,
              tripId: transmission.tripId,
              scn,
              status: 'rejected',
              effect: 'rejected',
              updatedAt: at,
            })),
          );
          await repos.filing.appendHistory([
            {
              companyId: transmission.companyId,
              tripId: transmission.tripId,
              scn: '',
              status: 'rejected',
              at,
              detail,
              archiveId: null,
            },
          ]);
          await enqueueAlerts(repos, transmission.companyId, changes, {
            ids: deps.ids,
            at,
            emailEnabled: deps.mailer !== undefined,
            publicUrl: deps.publicUrl,
          });
        });
        report.failed += 1;
        break;
    }
  }
  return claimed.length;
}
