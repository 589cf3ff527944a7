import type { Kysely, Selectable } from 'kysely';
import type {
  AlertChannel,
  AlertDelivery,
  AlertDeliveryState,
  AlertEventType,
  AlertRepository,
  WebhookEndpoint,
} from '../../app/shared/ports/index.js';
import { chunks } from '../chunks.js';
import { dialectOf } from '../dialect.js';
import { fromJson, toJson } from '../json.js';
import type { AlertDeliveryTable, Database, WebhookEndpointTable } from '../schema.js';
import { leaseRows, markLeasedAttemptFailed, markLeasedSent } from './lease-claim.js';

function deliveryFromRow(row: Selectable<AlertDeliveryTable>): AlertDelivery {
  return {
    id: row.id,
    companyId: row.company_id,
    eventId: row.event_id,
    eventType: row.event_type as AlertEventType,
    tripId: row.trip_id,
    channel: row.channel as AlertChannel,
    endpointId: row.endpoint_id,
    recipient: row.recipient,
    payload: row.payload,
    state: row.state as AlertDeliveryState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function webhookFromRow(row: Selectable<WebhookEndpointTable>): WebhookEndpoint {
  return {
    id: row.id,
    companyId: row.company_id,
    url: row.url,
    events: fromJson<AlertEventType[]>(row.events_json),
    active: row.active === 1,
    secret: row.secret,
    createdAt: row.created_at,
  };
}

export function alertRepository(db: Kysely<Database>): AlertRepository {
  return {
    async settings(companyId) {
      const row = await db
        .selectFrom('alert_settings')
        .selectAll()
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      return {
        companyId,
        dispatcherEmails: row === undefined ? [] : fromJson<string[]>(row.dispatcher_emails_json),
        emailBrokers: row?.email_brokers === 1,
        emailDrivers: row?.email_drivers === 1,
        updatedAt: row?.updated_at ?? null,
      };
    },
    async putSettings(settings) {
      const values = {
        company_id: settings.companyId,
        dispatcher_emails_json: toJson(settings.dispatcherEmails),
        email_brokers: settings.emailBrokers ? 1 : 0,
        email_drivers: settings.emailDrivers ? 1 : 0,
        updated_at: settings.updatedAt ?? '',
      };
      await db
        .insertInto('alert_settings')
        .values(values)
        .onConflict((oc) =>
          oc.column('company_id').doUpdateSet({
            dispatcher_emails_json: values.dispatcher_emails_json,
            email_brokers: values.email_brokers,
            email_drivers: values.email_drivers,
            updated_at: values.updated_at,
          }),
        )
        .execute();
    },
    async webhooks(companyId) {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(webhookFromRow);
    },
    async addWebhook(endpoint) {
      await db
        .insertInto('webhook_endpoints')
        .values({
          id: endpoint.id,
          company_id: endpoint.companyId,
          url: endpoint.url,
          events_json: toJson(endpoint.events),
          active: endpoint.active ? 1 : 0,
          secret: endpoint.secret,
          created_at: endpoint.createdAt,
        })
        .execute();
    },
    async deleteWebhook(companyId, id, at) {
      const deleted = await db
        .deleteFrom('webhook_endpoints')
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (deleted.numDeletedRows === 0n) return false;
      await db
        .updateTable('alert_deliveries')
        .set({ state: 'failed', lease_until: null, last_error: `endpoint deleted at ${at}` })
        .where('company_id', '=', companyId)
        .where('endpoint_id', '=', id)
        .where('state', '=', 'pending')
        .execute();
      return true;
    },
    async updateWebhook(endpoint) {
      const updated = await db
        .updateTable('webhook_endpoints')
        .set({
          url: endpoint.url,
          events_json: toJson(endpoint.events),
          active: endpoint.active ? 1 : 0,
        })
        .where('company_id', '=', endpoint.companyId)
        .where('id', '=', endpoint.id)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },
    async webhookSecrets(endpointIds) {
      const secrets = new Map<string, string>();
      for (const chunk of chunks([...new Set(endpointIds)])) {
        const rows = await db
          .selectFrom('webhook_endpoints')
          .select(['id', 'secret'])
          .where('id', 'in', chunk)
          .execute();
        for (const row of rows) secrets.set(row.id, row.secret);
      }
      return secrets;
    },
    async enqueue(deliveries, at) {
      for (const chunk of chunks(deliveries)) {
        await db
          .insertInto('alert_deliveries')
          .values(
            chunk.map((d) => ({
              id: d.id,
              company_id: d.companyId,
              event_id: d.eventId,
              event_type: d.eventType,
              trip_id: d.tripId,
              channel: d.channel,
              endpoint_id: d.endpointId,
              recipient: d.recipient,
              payload: d.payload,
              state: 'pending',
              attempts: 0,
              next_attempt_at: at,
              lease_until: null,
              last_error: null,
              created_at: d.createdAt,
              sent_at: null,
            })),
          )
          .execute();
      }
    },
    async claimDue(now, leaseUntil, limit) {
      let query = db
        .selectFrom('alert_deliveries')
        .select('id')
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .orderBy('seq')
        .limit(limit);
      // Several service instances on one PostgreSQL: each skips the rows another has locked.
      if (dialectOf(db) === 'postgres') query = query.forUpdate().skipLocked();
      const claimed = await leaseRows(db, 'alert_deliveries', query, now, leaseUntil);
      return claimed.map(deliveryFromRow);
    },
    markSent: (id, at) => markLeasedSent(db, 'alert_deliveries', id, at),
    markAttemptFailed: (id, error, nextAttemptAt) =>
      markLeasedAttemptFailed(db, 'alert_deliveries', id, error, nextAttemptAt),
    async recentDeliveries(companyId, limit) {
      const rows = await db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map(deliveryFromRow);
    },
  };
}
