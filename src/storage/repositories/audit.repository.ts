import type { Kysely, Selectable } from 'kysely';
import type { AuditRepository, NewAuditEntry } from '../../app/shared/ports/index.js';
import type { AuditEntityType, AuditEntry } from '../../app/shared/records.js';
import { fromJsonOrNull, toJson } from '../json.js';
import type { AuditLogTable, Database } from '../schema.js';
import type { TableBatch } from '../table-batch.js';
import type { WrittenJson } from '../written-json.js';

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

function auditRow(entry: NewAuditEntry, written?: WrittenJson) {
  const json = (value: unknown): string =>
    written === undefined ? toJson(value) : written.reuse(value);
  return {
    company_id: entry.companyId,
    actor_user_id: entry.actorUserId,
    actor_token_id: entry.actorTokenId,
    at: entry.at,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    trip_id: entry.tripId,
    action: entry.action,
    before_json: entry.before === null || entry.before === undefined ? null : json(entry.before),
    after_json: entry.after === null || entry.after === undefined ? null : json(entry.after),
  };
}

/** Append-only: there is no update or delete here on purpose. */
export function auditRepository(
  db: Kysely<Database>,
  batch: TableBatch,
  written?: WrittenJson,
): AuditRepository {
  return {
    async append(entries) {
      const rows = entries.map((entry) => auditRow(entry, written));
      // A text written before this append is never reused by a later one (written-json.ts).
      written?.forget();
      await batch.insert(
        'audit_log',
        AUDIT_COLUMNS,
        rows.map((row) => AUDIT_COLUMNS.map((column) => row[column])),
      );
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
    async listForTrip(companyId, tripId, page) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('trip_id', '=', tripId)
        .where('seq', '>', page.afterSeq)
        .orderBy('seq')
        .limit(page.limit)
        .execute();
      return rows.map(auditFromRow);
    },
  };
}
