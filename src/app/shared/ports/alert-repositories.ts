/**
 * Filing alerts: a company's e-mail settings, its webhook endpoints, and the outbox of alert
 * deliveries (one row per event and recipient), claimed under a lease like the transmissions.
 * Every method that reads a company's data takes its id; only the delivery loop works across
 * companies (`claimDue`).
 */
export const ALERT_STATUSES = [
  'accepted',
  'rejected',
  'entry-on-file',
  'arrived',
  'released',
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export type AlertEventType = `${'trip' | 'shipment'}.${AlertStatus}`;
export const ALERT_EVENT_TYPES: readonly AlertEventType[] = (['trip', 'shipment'] as const).flatMap(
  (level) => ALERT_STATUSES.map((status): AlertEventType => `${level}.${status}`),
);

export interface AlertSettings {
  readonly companyId: string;
  /** Dispatchers e-mailed on every alert event. */
  readonly dispatcherEmails: readonly string[];
  /**
   * Also e-mail the shipment's broker: its e-mail on the shipment, else that of the address
   * book's broker with the same filer code.
   */
  readonly emailBrokers: boolean;
  /**
   * Also e-mail the trip's drivers, for trip and shipment events: the e-mail of the driver
   * profile each driver matches (matchDriverProfiles).
   */
  readonly emailDrivers: boolean;
  /** null: never set (the defaults). */
  readonly updatedAt: string | null;
}

export interface WebhookEndpoint {
  readonly id: string;
  readonly companyId: string;
  readonly url: string;
  readonly events: readonly AlertEventType[];
  readonly active: boolean;
  /** Signs each delivery (HMAC-SHA256); shown once, at creation. */
  readonly secret: string;
  readonly createdAt: string;
}

export type AlertChannel = 'webhook' | 'email';
export type AlertDeliveryState = 'pending' | 'sent' | 'failed';

export interface AlertDelivery {
  readonly id: string;
  readonly companyId: string;
  /** The event's id: the same in every delivery of one event and in every retry. */
  readonly eventId: string;
  readonly eventType: AlertEventType;
  readonly tripId: string;
  readonly channel: AlertChannel;
  readonly endpointId: string | null;
  /** The webhook's URL or the e-mail address. */
  readonly recipient: string;
  /** The webhook's JSON body, or the e-mail as JSON `{ subject, text }`. */
  readonly payload: string;
  readonly state: AlertDeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

export type NewAlertDelivery = Omit<
  AlertDelivery,
  'state' | 'attempts' | 'lastError' | 'sentAt' | 'nextAttemptAt'
>;

export interface AlertRepository {
  /** The company's settings, or the defaults (no one e-mailed) when never set. */
  settings(companyId: string): Promise<AlertSettings>;
  putSettings(settings: AlertSettings): Promise<void>;
  webhooks(companyId: string): Promise<readonly WebhookEndpoint[]>;
  addWebhook(endpoint: WebhookEndpoint): Promise<void>;
  /** Deletes the endpoint and fails its pending deliveries; false when there is none. */
  deleteWebhook(companyId: string, id: string, at: string): Promise<boolean>;
  /** Changes an endpoint's URL, events and active flag; false when the company has none. */
  updateWebhook(endpoint: WebhookEndpoint): Promise<boolean>;
  /**
   * The secrets of endpoints by id, for signing (across companies: the delivery loop); a
   * deleted endpoint is missing from the map.
   */
  webhookSecrets(endpointIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  enqueue(deliveries: readonly NewAlertDelivery[], at: string): Promise<void>;
  /**
   * Claims up to `limit` pending deliveries due at `now` until `leaseUntil`, oldest first.
   * PostgreSQL: FOR UPDATE SKIP LOCKED; both: a conditional update, so two senders never
   * claim one row.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<readonly AlertDelivery[]>;
  markSent(id: string, at: string): Promise<boolean>;
  /** Gives the row back for a later attempt, or marks it failed when `nextAttemptAt` is null. */
  markAttemptFailed(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  /** The company's most recent deliveries, newest first. */
  recentDeliveries(companyId: string, limit: number): Promise<readonly AlertDelivery[]>;
}
