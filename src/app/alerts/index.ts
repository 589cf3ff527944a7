export { createWebhook, WEBHOOK_SECRET_PREFIX, type CreateWebhookInput } from './create-webhook.js';
export { listWebhooks } from './list-webhooks.js';
export { deleteWebhook } from './delete-webhook.js';
export { updateWebhook, type UpdateWebhookInput } from './update-webhook.js';
export { listAlertDeliveries } from './list-alert-deliveries.js';
export { getAlertSettings, type AlertSettingsView } from './get-alert-settings.js';
export { updateAlertSettings, type UpdateAlertSettingsInput } from './update-alert-settings.js';
export {
  deliverAlerts,
  ALERT_MAX_ATTEMPTS,
  type AlertDeliveryReport,
  type AlertDeliveryOptions,
} from './deliver-alerts.js';
export {
  signWebhook,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  type SignatureCheck,
} from './support/webhook-signature.js';
export type { AlertEvent, AlertReason } from './support/alert-events.js';
export type { WebhookView, AlertDeliveryView } from './support/alert-views.js';
export { isPrivateAddress } from './support/private-networks.js';
