/**
 * Filing alerts (admin, reading the settings: any role): who is e-mailed, the webhook
 * endpoints (the secret is in the creation answer only), and the log of recent deliveries.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createWebhook,
  deleteWebhook,
  getAlertSettings,
  listAlertDeliveries,
  listWebhooks,
  updateAlertSettings,
  updateWebhook,
  type AlertSettingsView,
  type WebhookView,
} from '../../app/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import {
  alertDeliverySchema,
  alertSettingsChangesSchema,
  alertSettingsSchema,
  createdWebhookSchema,
  newWebhookSchema,
  webhookChangesSchema,
  webhookSchema,
} from '../schemas/alerts.js';
import { idParams, queryCount } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import { SECRET_IN_ANSWER } from '../compression.js';

const settingsBody = (settings: AlertSettingsView) => ({
  ...settings,
  dispatcherEmails: [...settings.dispatcherEmails],
});
const webhookBody = (webhook: WebhookView) => ({ ...webhook, events: [...webhook.events] });

export const alertRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (app, { deps }, done) => {
  app.get(
    '/alerts/settings',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Who is e-mailed on filing events, and whether the service sends e-mail',
        response: responses({ 200: alertSettingsSchema }),
      },
    },
    async (request) => settingsBody(await getAlertSettings(deps.app, actorOf(request))),
  );

  app.put(
    '/alerts/settings',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Change who is e-mailed on filing events (admin)',
        description:
          "dispatcherEmails are e-mailed on every event (trip or shipment accepted, rejected, entry on file, arrived, released); emailBrokers adds the e-mail of the broker on the shipment; emailDrivers adds the e-mails of the driver profiles the trip's drivers match (docs/alerts.md). A field left out keeps its value.",
        body: alertSettingsChangesSchema,
        response: responses({ 200: alertSettingsSchema }),
      },
    },
    async (request) =>
      settingsBody(await updateAlertSettings(deps.app, actorOf(request), request.body)),
  );

  app.get(
    '/webhooks',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Webhook endpoints of the company (admin)',
        response: responses({ 200: z.object({ items: z.array(webhookSchema) }) }),
      },
    },
    async (request) => ({
      items: (await listWebhooks(deps.app, actorOf(request))).map(webhookBody),
    }),
  );

  app.post(
    '/webhooks',
    {
      ...SECRET_IN_ANSWER,
      schema: {
        tags: ['alerts'],
        summary: 'Add a webhook endpoint; the answer holds its signing secret, shown once (admin)',
        description:
          'Each chosen event is POSTed as JSON, signed in the Emanifest-Signature header (t=<unix seconds>,v1=<HMAC-SHA256 hex of "<t>.<body>">). Non-2xx answers and timeouts are retried with backoff; docs/alerts.md.',
        body: newWebhookSchema,
        response: responses({ 201: createdWebhookSchema }),
      },
    },
    async (request, reply) => {
      const created = await createWebhook(deps.app, actorOf(request), request.body);
      // The secret must not linger in shared caches or browser history.
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send({ ...created, webhook: webhookBody(created.webhook) });
    },
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags: ['alerts'],
        summary: "Change a webhook endpoint's URL, events or active flag (admin)",
        description:
          'A field left out keeps its value; the secret never changes. An inactive endpoint is sent no new event (deliveries already queued still go).',
        params: idParams,
        body: webhookChangesSchema,
        response: responses({ 200: webhookSchema }),
      },
    },
    async (request) =>
      webhookBody(
        await updateWebhook(deps.app, actorOf(request), {
          ...request.body,
          webhookId: request.params.id,
        }),
      ),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Delete a webhook endpoint; its unsent deliveries are marked failed (admin)',
        params: idParams,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await deleteWebhook(deps.app, actorOf(request), { webhookId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/alerts/deliveries',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Recent alert deliveries, webhooks and e-mails, newest first (admin)',
        querystring: z.object({ limit: queryCount(1, 200, 50) }),
        response: responses({ 200: z.object({ items: z.array(alertDeliverySchema) }) }),
      },
    },
    async (request) => ({
      items: [
        ...(await listAlertDeliveries(deps.app, actorOf(request), { limit: request.query.limit })),
      ],
    }),
  );

  done();
};
