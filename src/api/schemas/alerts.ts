/** Filing alerts: e-mail settings, webhook endpoints, the delivery log (docs/alerts.md). */
import { z } from 'zod';
// The event list alone (a plain module): the web app type-checks these schemas without server code.
import {
  ALERT_EVENT_TYPES,
  type AlertEventType,
} from '../../app/shared/ports/alert-repositories.js';

export const alertEventTypeSchema = z
  .enum(ALERT_EVENT_TYPES as [AlertEventType, ...AlertEventType[]])
  .meta({ id: 'AlertEventType' });

export const alertSettingsSchema = z
  .object({
    dispatcherEmails: z.array(z.string()).describe('E-mailed on every alert event.'),
    emailBrokers: z
      .boolean()
      .describe(
        "Also e-mail the shipment's broker: its e-mail on the shipment, else the address book's broker with its filer code.",
      ),
    emailDrivers: z
      .boolean()
      .describe(
        "Also e-mail the trip's drivers, for trip and shipment events: the e-mail of the driver profile each driver matches (FAST card number, else first and last name).",
      ),
    emailEnabled: z
      .boolean()
      .describe('False when the service has no mail server (SMTP_URL): no e-mail alert is queued.'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'AlertSettings' });

export const alertSettingsChangesSchema = z.strictObject({
  dispatcherEmails: z.array(z.string().max(254)).max(100).optional(),
  emailBrokers: z.boolean().optional(),
  emailDrivers: z.boolean().optional(),
});

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(alertEventTypeSchema),
    active: z.boolean(),
    secretHint: z.string().describe("The secret's first characters; the secret is shown once."),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });

export const newWebhookSchema = z.strictObject({
  url: z.string().max(4000).describe('http:// or https:// address that receives the POSTs.'),
  events: z
    .array(z.string().max(100))
    .max(50)
    .describe(`Among ${ALERT_EVENT_TYPES.join(', ')}.`),
  active: z.boolean().optional().describe('Default true; an inactive endpoint gets nothing.'),
});

export const webhookChangesSchema = z.strictObject({
  url: newWebhookSchema.shape.url.optional(),
  events: newWebhookSchema.shape.events.optional(),
  active: z.boolean().optional().describe('false: the endpoint is sent no new event.'),
});

export const createdWebhookSchema = z.object({
  webhook: webhookSchema,
  secret: z
    .string()
    .describe('Verifies the Emanifest-Signature header (docs/alerts.md). Shown this once.'),
});

export const alertDeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string().describe('The same in every delivery of one event and every retry.'),
    eventType: alertEventTypeSchema,
    tripId: z.string(),
    channel: z.enum(['webhook', 'email']),
    endpointId: z.string().nullable(),
    recipient: z.string().describe('The webhook URL or the e-mail address.'),
    state: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'AlertDelivery' });
