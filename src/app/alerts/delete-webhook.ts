/**
 * deleteWebhook(deps, actor, { webhookId }) — admin: the endpoint gets nothing more; its
 * deliveries not sent yet are marked failed (the log keeps them). Another company's: NOT_FOUND.
 */
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';
import { webhookView } from './support/alert-views.js';

export async function deleteWebhook(
  deps: AppDeps,
  actor: Actor,
  input: { readonly webhookId: string },
): Promise<void> {
  requireAdmin(actor);
  await deps.store.transaction(async (repos) => {
    const before = (await repos.alerts.webhooks(actor.companyId)).find(
      (w) => w.id === input.webhookId,
    );
    const at = deps.clock.now().toISOString();
    if (before === undefined || !(await repos.alerts.deleteWebhook(actor.companyId, before.id, at)))
      throw notFound('Webhook');
    await recordChange(repos, deps, actor, {
      entityType: 'webhook',
      entityId: before.id,
      action: 'delete',
      before: webhookView(before),
    });
  });
}
