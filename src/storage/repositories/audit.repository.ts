import type { Kysely, Selectable } from 'kysely';
import type { AuditRepository, NewAuditEntry } from '../../app/shared/ports/index.js';
import type { AuditEntityType, AuditEntry } from '../../app/shared/records.js';
import { chunks } from '../chunks.js';
import { fromJsonOrNull, toJson } from '../json.js';
import { namedOnPostgres } from '../named-statements.js';
import type { AuditLogTable, Database } from '../schema.js';
import type { TableBatch } from '../table-batch.js';

export function auditFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: row.seq,
    companyId: row.company_id,
    actorUserId: row.actor_user_id,
    actorTokenId: row.actor_token_id,
    at: row.at,
    entityType: row.entity_type as AuditEntityType,
    entityId: row.entity_id,
    tripId: row.trip_id,
    action: row.action,
    before: fromJsonOrNull(row.before_json),
    after: fromJsonOrNull(row.after_json),
  };
}

/** Append-only: there is no update or delete here on purpose. */
const AUDIT_COLUMNS = [
  'company_id',
  'actor_user_id',
  'actor_token_id',
  'at',
  'entity_type',
  'entity_id',
  'trip_id',
  'action',
  'before_json',
  'after_json',
] as const;

function auditRow(entry: NewAuditEntry) {
  return {
    company_id: entry.companyId,
    actor_user_id: entry.actorUserId,
    actor_token_id: entry.actorTokenId,
    at: entry.at,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    trip_id: entry.tripId,
    action: entry.action,
    before_json: entry.before === null || entry.before === undefined ? null : toJson(entry.before),
    after_json: entry.after === null || entry.after === undefined ? null : toJson(entry.after),
  };
}

/** Append-only: there is no update or delete here on purpose. */
export function auditRepository(db: Kysely<Database>, batch?: TableBatch): AuditRepository {
  return {
    async append(entries) {
      if (batch !== undefined) {
        await batch.insert(
          'audit_log',
          AUDIT_COLUMNS,
          entries.map((entry) => {
            const row = auditRow(entry);
            return AUDIT_COLUMNS.map((column) => row[column]);
          }),
        );
        return;
      }
      for (const chunk of chunks(entries)) {
        const insert = db.insertInto('audit_log').values(chunk.map(auditRow)).compile();
        await db.executeQuery(namedOnPostgres(db, insert, chunk.length));
      }
    },
    async listForEntity(companyId, entityType, entityId) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute();
      return rows.map(auditFromRow);
    },
    async listForTrip(companyId, tripId) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .orderBy('seq')
        .execute();
      return rows.map(auditFromRow);
    },
  };
}
