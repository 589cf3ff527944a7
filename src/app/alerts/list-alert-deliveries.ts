/**
 * listAlertDeliveries(deps, actor, { limit? }) → AlertDeliveryView[] — admin: the company's
 * most recent alert deliveries (webhooks and e-mails), newest first, with their state
 * (pending, sent, failed), attempts and last error.
 */
import { requireAdmin, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { deliveryView, type AlertDeliveryView } from './support/alert-views.js';

export async function listAlertDeliveries(
  deps: AppDeps,
  actor: Actor,
  input: { readonly limit?: number | undefined } = {},
): Promise<readonly AlertDeliveryView[]> {
  requireAdmin(actor);
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await deps.store.transaction(
    (repos) => repos.alerts.recentDeliveries(actor.companyId, limit),
    { readOnly: true },
  );
  return rows.map(deliveryView);
}
