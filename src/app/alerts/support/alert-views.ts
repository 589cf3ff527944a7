/** What the API shows of alert records: never a webhook's secret after its creation. */
import type { AlertDelivery, AlertEventType, WebhookEndpoint } from '../../shared/ports/index.js';

export interface WebhookView {
  readonly id: string;
  readonly url: string;
  readonly events: readonly AlertEventType[];
  readonly active: boolean;
  /** The secret's first characters, so a person can tell which one a receiver holds. */
  readonly secretHint: string;
  readonly createdAt: string;
}

export const webhookView = (endpoint: WebhookEndpoint): WebhookView => ({
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events,
  active: endpoint.active,
  secretHint: `${endpoint.secret.slice(0, 10)}…`,
  createdAt: endpoint.createdAt,
});

export type AlertDeliveryView = Omit<AlertDelivery, 'companyId' | 'payload'>;

export const deliveryView = ({
  companyId: _companyId,
  payload: _payload,
  ...view
}: AlertDelivery): AlertDeliveryView => view;
