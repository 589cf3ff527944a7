/**
 * The claim of an outbox row under a lease, shared by the CBP transmissions and the alert
 * deliveries: whoever moves the lease first owns the row (a conditional update, so it holds on
 * both databases), and each claim counts an attempt. A sender that dies lets the lease run out
 * and another takes the row. The caller picks the candidates (on PostgreSQL with FOR UPDATE
 * SKIP LOCKED, so two senders skip each other's rows instead of waiting).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';

export type LeasedTable = 'transmissions' | 'alert_deliveries';

interface LeasedRow {
  id: string;
  state: string;
  attempts: number;
  lease_until: string | null;
}

export async function leaseRows<T extends LeasedTable>(
  db: Kysely<Database>,
  table: T,
  ids: readonly string[],
  now: string,
  leaseUntil: string,
): Promise<Selectable<Database[T]>[]> {
  // Both tables have the leased columns; one typed view of them serves either.
  const leased = db as unknown as Kysely<{ leased: LeasedRow }>;
  const claimed: Selectable<Database[T]>[] = [];
  for (const id of ids) {
    const row = await leased
      .updateTable(table as unknown as 'leased')
      .set((eb) => ({ lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) claimed.push(row as unknown as Selectable<Database[T]>);
  }
  return claimed;
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
