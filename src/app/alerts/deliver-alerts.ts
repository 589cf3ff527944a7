/**
 * deliverAlerts(deps, poster, options?) → AlertDeliveryReport — sends the due alert deliveries:
 * webhooks as signed POSTs through the poster, e-mails through the Mailer. Rows are claimed
 * under a lease exactly as the CBP outbox's (storage's shared claim), so several service
 * instances never send one row twice. A non-2xx answer, no answer, or a mail server refusing
 * gives the row back with the outbox's backoff; after `maxAttempts` it is marked failed (shown
 * in the delivery log).
 */
import { backoffMs } from '../filing/deliver-outbox.js';
import type { Clock } from '../shared/deps.js';
import type { AlertDelivery, Mailer, Store, WebhookPoster } from '../shared/ports/index.js';
import { signWebhook, SIGNATURE_HEADER } from './support/webhook-signature.js';

export interface AlertDeliveryReport {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

export interface AlertDeliveryOptions {
  readonly limit?: number;
  /** How long a claim lasts before another sender may take the row. */
  readonly leaseMs?: number;
  /** Attempts before a delivery is given up (8: about 10 minutes of backoff). */
  readonly maxAttempts?: number;
}

export const ALERT_MAX_ATTEMPTS = 8;

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

export async function deliverAlerts(
  deps: { readonly store: Store; readonly clock: Clock; readonly mailer?: Mailer | undefined },
  poster: WebhookPoster,
  options: AlertDeliveryOptions = {},
): Promise<AlertDeliveryReport> {
  const report = { sent: 0, retrying: 0, failed: 0 };
  const maxAttempts = options.maxAttempts ?? ALERT_MAX_ATTEMPTS;
  // Bounded rounds, so one call never runs forever.
  for (let round = 0; round < 100; round++) {
    const now = deps.clock.now();
    const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? 60_000)).toISOString();
    // The claim and the secrets its webhooks are signed with, in one transaction: an endpoint
    // deleted after this fails its pending deliveries (deleteWebhook), so markSent finds
    // nothing to mark, as when it is deleted while a POST is under way.
    const { claimed, secrets } = await deps.store.transaction(async (repos) => {
      const claimed = await repos.alerts.claimDue(
        now.toISOString(),
        leaseUntil,
        options.limit ?? 50,
      );
      const endpointIds = claimed.flatMap((d) => (d.endpointId === null ? [] : [d.endpointId]));
      const secrets =
        endpointIds.length === 0
          ? new Map<string, string>()
          : await repos.alerts.webhookSecrets(endpointIds);
      return { claimed, secrets };
    });
    if (claimed.length === 0) break;
    for (const delivery of claimed) {
      const outcome = await attempt(deps, poster, delivery, secrets);
      if (outcome.ok) {
        const at = deps.clock.now().toISOString();
        await deps.store.transaction((repos) => repos.alerts.markSent(delivery.id, at));
        report.sent += 1;
        continue;
      }
      const giveUp = delivery.attempts >= maxAttempts;
      const retryAt = giveUp
        ? null
        : new Date(deps.clock.now().getTime() + backoffMs(delivery.attempts)).toISOString();
      await deps.store.transaction((repos) =>
        repos.alerts.markAttemptFailed(delivery.id, outcome.error, retryAt),
      );
      if (giveUp) report.failed += 1;
      else report.retrying += 1;
    }
  }
  return report;
}

async function attempt(
  deps: { readonly clock: Clock; readonly mailer?: Mailer | undefined },
  poster: WebhookPoster,
  delivery: AlertDelivery,
  secrets: ReadonlyMap<string, string>,
): Promise<Outcome> {
  try {
    switch (delivery.channel) {
      case 'webhook': {
        const secret = secrets.get(delivery.endpointId ?? '');
        if (secret === undefined) return { ok: false, error: 'the endpoint was deleted' };
        const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
        const { status } = await poster.post({
          url: delivery.recipient,
          body: delivery.payload,
          headers: {
            'content-type': 'application/json',
            [SIGNATURE_HEADER]: signWebhook(secret, timestamp, delivery.payload),
            'emanifest-event-id': delivery.eventId,
            'emanifest-event-type': delivery.eventType,
          },
        });
        return status >= 200 && status < 300
          ? { ok: true }
          : { ok: false, error: `the endpoint answered HTTP ${status}` };
      }
      case 'email': {
        if (deps.mailer === undefined) {
          return { ok: false, error: 'this service sends no e-mail now (SMTP_URL is unset)' };
        }
        const mail = JSON.parse(delivery.payload) as { subject: string; text: string };
        await deps.mailer.send({ to: delivery.recipient, subject: mail.subject, text: mail.text });
        return { ok: true };
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
