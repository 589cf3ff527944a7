/**
 * The claim of outbox rows under a lease, shared by the CBP transmissions and the alert
 * deliveries: whoever moves the lease first owns the row (a conditional update, so it holds on
 * both databases), and each claim counts an attempt. A sender that dies lets the lease run out
 * and another takes the row. The caller picks the candidates as a subquery (on PostgreSQL with
 * FOR UPDATE SKIP LOCKED, so two senders skip each other's rows instead of waiting); the claim
 * is one UPDATE over them, however many there are.
 */
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.js';

export type LeasedTable = 'transmissions' | 'alert_deliveries';

interface LeasedRow {
  seq: number;
  id: string;
  state: string;
  attempts: number;
  lease_until: string | null;
}

export async function leaseRows<T extends LeasedTable, DB, TB extends keyof DB>(
  db: Kysely<Database>,
  table: T,
  candidates: SelectQueryBuilder<DB, TB, { id: string }>,
  now: string,
  leaseUntil: string,
): Promise<Selectable<Database[T]>[]> {
  // Both tables have the leased columns; one typed view of them serves either.
  const leased = db as unknown as Kysely<{ leased: LeasedRow }>;
  const rows = await leased
    .updateTable(table as unknown as 'leased')
    .set((eb) => ({ lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', candidates)
    // The candidates were read in the same statement, but on SQLite without a lock: the
    // condition again keeps a row another sender has just leased out of this claim.
    .where('state', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returningAll()
    .execute();
  // RETURNING keeps no order; the outbox is sent in the order it was queued.
  rows.sort((a, b) => a.seq - b.seq);
  return rows as unknown as Selectable<Database[T]>[];
}

/** Records a claimed row as sent; false when it was not pending any more. */
export async function markLeasedSent(
  db: Kysely<Database>,
  table: LeasedTable,
  id: string,
  at: string,
): Promise<boolean> {
  const leased = db as unknown as Kysely<{ leased: LeasedRow & SentColumns }>;
  const result = await leased
    .updateTable(table as unknown as 'leased')
    .set({ state: 'sent', sent_at: at, lease_until: null, last_error: null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Gives a claimed row back for a later attempt, or marks it failed when `retryAt` is null. */
export async function markLeasedAttemptFailed(
  db: Kysely<Database>,
  table: LeasedTable,
  id: string,
  error: string,
  retryAt: string | null,
): Promise<void> {
  const leased = db as unknown as Kysely<{ leased: LeasedRow & SentColumns }>;
  await leased
    .updateTable(table as unknown as 'leased')
    .set(
      retryAt === null
        ? { state: 'failed', lease_until: null, last_error: error }
        : { next_attempt_at: retryAt, lease_until: null, last_error: error },
    )
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

interface SentColumns {
  sent_at: string | null;
  last_error: string | null;
  next_attempt_at: string;
}
