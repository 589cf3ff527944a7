import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * Filing alerts: each company's e-mail settings, its webhook endpoints (with the secret their
 * deliveries are signed with: it must be readable to sign, so it is stored as given, like a
 * password to another system), and the outbox of alert deliveries, claimed under a lease as
 * the transmissions are. One row per event and recipient (UNIQUE), written in the transaction
 * that records the status change, so an alert is neither lost nor sent twice.
 */
export function alertsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const identity = dialectOf(db) === 'postgres' ? 'generated' : 'autoincrement';
      await db.schema
        .createTable('alert_settings')
        .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
        .addColumn('dispatcher_emails_json', 'text', (c) => c.notNull())
        .addColumn('email_brokers', 'integer', (c) =>
          c.notNull().check(sql`email_brokers in (0, 1)`),
        )
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('events_json', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_endpoints_company')
        .on('webhook_endpoints')
        .columns(['company_id'])
        .execute();
      await db.schema
        .createTable('alert_deliveries')
        .addColumn('seq', 'integer', (c) =>
          identity === 'generated'
            ? c.primaryKey().generatedByDefaultAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        // The event's id: the same in every delivery of one event and across retries.
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('trip_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) =>
          c.notNull().check(sql`channel in ('webhook', 'email')`),
        )
        // The webhook endpoint (null for e-mail); its secret signs each attempt.
        .addColumn('endpoint_id', 'text')
        // The URL or the e-mail address, as it was when the event happened.
        .addColumn('recipient', 'text', (c) => c.notNull())
        // The webhook's JSON body, or the e-mail's subject and text (JSON): fixed at enqueue.
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('pending', 'sent', 'failed')`),
        )
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('lease_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addUniqueConstraint('alert_deliveries_once', ['event_id', 'channel', 'recipient'])
        .execute();
      await db.schema
        .createIndex('alert_deliveries_due')
        .on('alert_deliveries')
        .columns(['state', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('alert_deliveries_company')
        .on('alert_deliveries')
        .columns(['company_id', 'seq'])
        .execute();
    },
  };
}
