import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * Filing with CBP: the per-company interchange control number sequence (X12.6 requires
 * ISA13/GS06/ST02 unique per sender; CBP refuses a reused interchange number), the outbox of
 * transmissions (stored before they are sent, delivered once per control number), the archive
 * of every raw interchange in and out, and the filing status of each trip and shipment with its
 * history.
 */
export function filingMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const dialect = dialectOf(db);
      const identity = dialect === 'postgres' ? 'generated' : 'autoincrement';
      await db.schema
        .createTable('edi_identities')
        .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
        // ISA06 of the company's interchanges: assigned by CBP at onboarding.
        .addColumn('sender_id', 'text', (c) => c.notNull().unique())
        .addColumn('next_control_number', 'integer', (c) =>
          c.notNull().check(sql`next_control_number between 1 and 1000000000`),
        )
        .execute();
      await db.schema
        .createTable('transmissions')
        .addColumn('seq', 'integer', (c) =>
          identity === 'generated'
            ? c.primaryKey().generatedByDefaultAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_id', 'text', (c) => c.notNull())
        // As sent: CBP's answers name the trip by number, which a re-key changes afterwards.
        .addColumn('trip_number', 'text', (c) => c.notNull())
        .addColumn('set_id', 'text', (c) => c.notNull().check(sql`set_id in ('309', '358')`))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('control_number', 'integer', (c) => c.notNull())
        .addColumn('scns_json', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('pending', 'sent', 'failed')`),
        )
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        // A claim is a lease: a sender that dies mid-send lets the row go when it runs out.
        .addColumn('lease_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addUniqueConstraint('transmissions_control_number', ['company_id', 'control_number'])
        .execute();
      await db.schema
        .createIndex('transmissions_due')
        .on('transmissions')
        .columns(['state', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('transmissions_trip')
        .on('transmissions')
        .columns(['company_id', 'trip_id', 'seq'])
        .execute();
      await db.schema
        .createTable('interchange_archive')
        .addColumn('seq', 'integer', (c) =>
          identity === 'generated'
            ? c.primaryKey().generatedByDefaultAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        // Null for what came in and could not be tied to a company: kept, never dropped.
        .addColumn('company_id', 'text', (c) => c.references('companies.id'))
        .addColumn('trip_id', 'text')
        .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('out', 'in')`))
        .addColumn('set_id', 'text')
        .addColumn('control_number', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('problem', 'text')
        .execute();
      await db.schema
        .createIndex('interchange_archive_trip')
        .on('interchange_archive')
        .columns(['company_id', 'trip_id', 'seq'])
        .execute();
      await db.schema
        .createTable('filing_states')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_id', 'text', (c) => c.notNull())
        // '' for the trip itself, else the shipment's SCN.
        .addColumn('scn', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        // What CBP accepted last (canonical JSON), compared by the next sync.
        .addColumn('accepted_json', 'text')
        // What was sent and not answered yet.
        .addColumn('sent_json', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('filing_states_pk', ['company_id', 'trip_id', 'scn'])
        .execute();
      await db.schema
        .createTable('filing_history')
        .addColumn('seq', 'integer', (c) =>
          identity === 'generated'
            ? c.primaryKey().generatedByDefaultAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('trip_id', 'text', (c) => c.notNull())
        .addColumn('scn', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('detail_json', 'text', (c) => c.notNull())
        .addColumn('archive_id', 'text')
        .execute();
      await db.schema
        .createIndex('filing_history_trip')
        .on('filing_history')
        .columns(['company_id', 'trip_id', 'seq'])
        .execute();
      await db.schema
        .createTable('transport_cursors')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('cursor', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
