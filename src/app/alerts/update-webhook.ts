/**
 * updateWebhook(deps, actor, { webhookId, url?, events?, active? }) → WebhookView — admin:
 * changes where an endpoint is, which events it receives, or pauses it (an inactive endpoint
 * is sent no new event; deliveries already queued still go). A field left out keeps its value;
 * the secret never changes (add a new endpoint for that). Another company's: NOT_FOUND.
 */
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import { InputChecks } from '../shared/input-checks.js';
import type { AlertEventType, WebhookEndpoint } from '../shared/ports/index.js';
import { checkWebhookFields } from './create-webhook.js';
import { webhookView, type WebhookView } from './support/alert-views.js';

export interface UpdateWebhookInput {
  readonly webhookId: string;
  readonly url?: string | undefined;
  readonly events?: readonly string[] | undefined;
  readonly active?: boolean | undefined;
}

export async function updateWebhook(
  deps: AppDeps,
  actor: Actor,
  input: UpdateWebhookInput,
): Promise<WebhookView> {
  requireAdmin(actor);
  const url = input.url?.trim();
  checkWebhookFields(
    new InputChecks(),
    { url, events: input.events },
    deps.webhookPrivateNetworks,
  ).throwIfAny('Webhook');
  return deps.store.transaction(async (repos) => {
    const before = (await repos.alerts.webhooks(actor.companyId)).find(
      (w) => w.id === input.webhookId,
    );
    if (before === undefined) throw notFound('Webhook');
    const after: WebhookEndpoint = {
      ...before,
      url: url ?? before.url,
      events:
        input.events === undefined
          ? before.events
          : [...new Set(input.events as readonly AlertEventType[])],
      active: input.active ?? before.active,
    };
    if (!(await repos.alerts.updateWebhook(after))) throw notFound('Webhook');
    const view = webhookView(after);
    await recordChange(repos, deps, actor, {
      entityType: 'webhook',
      entityId: before.id,
      action: 'update',
      before: webhookView(before),
      after: view,
    });
    return view;
  });
}
