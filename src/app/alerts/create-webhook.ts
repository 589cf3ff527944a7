/**
 * createWebhook(deps, actor, { url, events, active? }) → { webhook, secret } — admin: a new
 * endpoint that receives the chosen filing events as signed POSTs. The secret the deliveries
 * are signed with is returned this once (the list shows only its first characters); it is
 * stored as given, because signing needs it (docs/alerts.md, ADR 0015).
 */
import { newSecret } from '../accounts/support/secrets.js';
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { InputChecks } from '../shared/input-checks.js';
import {
  ALERT_EVENT_TYPES,
  type AlertEventType,
  type WebhookEndpoint,
} from '../shared/ports/index.js';
import { webhookView, type WebhookView } from './support/alert-views.js';
import { privateHostOf } from './support/private-networks.js';

export interface CreateWebhookInput {
  readonly url: string;
  readonly events: readonly string[];
  readonly active?: boolean | undefined;
}

/** Webhook secrets start with this, so secret scanners and humans can recognise them. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** At most this many endpoints per company: each event is one request per endpoint. */
export const MAX_WEBHOOKS = 20;

function isWebhookUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

/** The checks of a webhook's URL and events, on creation and on change (updateWebhook). */
export function checkWebhookFields(
  checks: InputChecks,
  input: { readonly url?: string | undefined; readonly events?: readonly string[] | undefined },
  privateNetworks: AppDeps['webhookPrivateNetworks'],
): InputChecks {
  if (input.url !== undefined) {
    checks.check(
      isWebhookUrl(input.url),
      'WEBHOOK_URL_INVALID',
      '/url',
      'Give an http:// or https:// address without a user name or password, e.g. https://example.com/hooks/emanifest.',
    );
    const privateHost = privateNetworks === 'allow' ? undefined : privateHostOf(input.url);
    checks.check(
      privateHost === undefined,
      'WEBHOOK_URL_PRIVATE',
      '/url',
      `${privateHost ?? ''} is in a private network, which this service does not post to; give the receiver's public address (the operator may allow private networks with WEBHOOK_PRIVATE_NETWORKS=allow).`,
    );
  }
  if (input.events === undefined) return checks;
  checks.check(
    input.events.length > 0,
    'WEBHOOK_EVENTS_REQUIRED',
    '/events',
    'Choose at least one event, e.g. shipment.released.',
  );
  input.events.forEach((event, index) => {
    checks.check(
      (ALERT_EVENT_TYPES as readonly string[]).includes(event),
      'WEBHOOK_EVENT_UNKNOWN',
      `/events/${index}`,
      `Choose events among ${ALERT_EVENT_TYPES.join(', ')}.`,
    );
  });
  return checks;
}

export async function createWebhook(
  deps: AppDeps,
  actor: Actor,
  input: CreateWebhookInput,
): Promise<{ readonly webhook: WebhookView; readonly secret: string }> {
  requireAdmin(actor);
  const url = input.url.trim();
  checkWebhookFields(
    new InputChecks(),
    { url, events: input.events },
    deps.webhookPrivateNetworks,
  ).throwIfAny('Webhook');
  const secret = newSecret(WEBHOOK_SECRET_PREFIX);
  const endpoint: WebhookEndpoint = {
    id: deps.ids.newId(),
    companyId: actor.companyId,
    url,
    events: [...new Set(input.events as readonly AlertEventType[])],
    active: input.active ?? true,
    secret,
    createdAt: deps.clock.now().toISOString(),
  };
  const webhook = webhookView(endpoint);
  await deps.store.transaction(async (repos) => {
    const existing = await repos.alerts.webhooks(actor.companyId);
    new InputChecks()
      .check(
        existing.length < MAX_WEBHOOKS,
        'WEBHOOK_LIMIT_REACHED',
        '/url',
        `A company has at most ${MAX_WEBHOOKS} webhook endpoints; delete one first.`,
      )
      .throwIfAny('Webhook');
    await repos.alerts.addWebhook(endpoint);
    await recordChange(repos, deps, actor, {
      entityType: 'webhook',
      entityId: endpoint.id,
      action: 'create',
      after: webhook,
    });
  });
  return { webhook, secret };
}
