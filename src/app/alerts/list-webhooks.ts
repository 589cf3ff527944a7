/** listWebhooks(deps, actor) → WebhookView[] — admin: the company's endpoints, oldest first. */
import { requireAdmin, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { webhookView, type WebhookView } from './support/alert-views.js';

export async function listWebhooks(deps: AppDeps, actor: Actor): Promise<readonly WebhookView[]> {
  requireAdmin(actor);
  const endpoints = await deps.store.transaction(
    (repos) => repos.alerts.webhooks(actor.companyId),
    { readOnly: true },
  );
  return endpoints.map(webhookView);
}
