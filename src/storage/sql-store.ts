import { commodityDescriptionRepository } from './repositories/commodity-description.repository.js';
import type { Kysely } from 'kysely';
import { conflict } from '../app/shared/errors.js';
import type { Repositories, Store } from '../app/shared/ports/index.js';
import { alertRepository } from './repositories/alert.repository.js';
import { apiTokenRepository } from './repositories/api-token.repository.js';
import { auditRepository } from './repositories/audit.repository.js';
import { companyRepository } from './repositories/company.repository.js';
import { companyLogoRepository } from './repositories/company-logo.repository.js';
import { driverLinkRepository } from './repositories/driver-link.repository.js';
import { filingRepository } from './repositories/filing.repository.js';
import { membershipRepository } from './repositories/membership.repository.js';
import { invitationRepository } from './repositories/invitation.repository.js';
import { partyRepository } from './repositories/party.repository.js';
import { profileRepository } from './repositories/profile.repository.js';
import { scnRegistry } from './repositories/scn-registry.repository.js';
import { sessionRepository } from './repositories/session.repository.js';
import { shipmentRepository } from './repositories/shipment.repository.js';
import { templateRepository } from './repositories/template.repository.js';
import { tripRepository } from './repositories/trip.repository.js';
import { userRepository } from './repositories/user.repository.js';
import type { Database } from './schema.js';
import {
  ANALYZE_FROM_ROWS,
  analyzeAfterBulk,
  BulkRows,
  NOT_COUNTED,
  type RowsWritten,
} from './statistics-after-bulk.js';
import { tableBatchFor, type TableBatch } from './table-batch.js';
import { WrittenJson } from './written-json.js';
import { isUniqueViolation } from './unique-violation.js';
import { retryWhileBusy, type BusyWait } from './busy.js';
import { dialectOf } from './dialect.js';

/**
 * Every repository bound to one executor (the database or an open transaction). `batch` is the
 * bulk inserter to use, by default one that writes through `db` (table-batch.ts); `bulk`
 * counts the rows written in bulk (statistics-after-bulk.ts).
 */
export function repositoriesFor(
  db: Kysely<Database>,
  batch: TableBatch = tableBatchFor(db),
  bulk: RowsWritten = NOT_COUNTED,
): Repositories {
  const written = new WrittenJson();
  return {
    companies: companyRepository(db),
    companyLogos: companyLogoRepository(db),
    users: userRepository(db),
    memberships: membershipRepository(db),
    invitations: invitationRepository(db),
    sessions: sessionRepository(db),
    apiTokens: apiTokenRepository(db),
    parties: partyRepository(db),
    profiles: profileRepository(db),
    templates: templateRepository(db),
    trips: tripRepository(db),
    shipments: shipmentRepository(db, batch, written),
    scns: scnRegistry(db, batch),
    audit: auditRepository(db, batch, written),
    driverLinks: driverLinkRepository(db),
    filing: filingRepository(db, batch, bulk),
    alerts: alertRepository(db),
    descriptions: commodityDescriptionRepository(db),
  };
}

export interface SqlStoreOptions {
  /** SQLite: how long a transaction waits for another process's write lock (busy.ts). */
  readonly busyWait?: BusyWait | undefined;
  /**
   * SQLite: a second connection to the same file (openSqliteReader) for the transactions
   * marked read-only, so that they are not queued behind a long write of this process.
   */
  readonly reader?: Kysely<Database> | undefined;
  /** PostgreSQL: rows of one table that make a transaction's write a bulk load (ANALYZE_FROM_ROWS). */
  readonly analyzeFromRows?: number | undefined;
}

/** The app's Store port on Kysely: one database transaction per use case. */
export function createSqlStore(db: Kysely<Database>, options: SqlStoreOptions = {}): Store {
  const sqlite = dialectOf(db) === 'sqlite';
  return {
    async transaction(work, transactionOptions) {
      // On SQLite a transaction refused its BEGIN IMMEDIATE (another process holds the write
      // lock) is tried again after a pause on a timer. Only then: a failure once `work` began
      // is not retried, because some work is not safe to run twice (a CSV import consumes its
      // upload stream and parser thread), and with the lock taken at BEGIN, a later statement
      // does not meet another writer. PostgreSQL waits for row locks inside the server.
      let began = false;
      // A reader begins DEFERRED on SQLite (the driver's plain BEGIN for 'read only'), on the
      // reader connection when there is one; PostgreSQL is left as it was, without the access
      // mode. On SQLite the batch inserter writes through the main connection's handle, so a
      // reader's transaction gets one of its own (whose writes fail, as the reader's must).
      const reading = sqlite && transactionOptions?.readOnly === true;
      const on = reading ? (options.reader ?? db) : db;
      const builder = reading ? on.transaction().setAccessMode('read only') : on.transaction();
      try {
        if (sqlite) {
          const once = () =>
            builder.execute((trx) => {
              began = true;
              return work(repositoriesFor(trx, tableBatchFor(on, trx)));
            });
          return await retryWhileBusy(once, () => !began, options.busyWait);
        }
        // A bulk load's tables are analyzed once it commits (statistics-after-bulk.ts).
        const written = new BulkRows();
        const result = await builder.execute((trx) =>
          work(repositoriesFor(trx, written.counting(tableBatchFor(on, trx)), written)),
        );
        await analyzeAfterBulk(db, written, options.analyzeFromRows ?? ANALYZE_FROM_ROWS);
        return result;
      } catch (error) {
        // A constraint the code did not pre-check (a race between two writers) is a conflict
        // for the caller, and the transaction has already been rolled back.
        if (isUniqueViolation(error)) {
          throw conflict('Another change claimed the same unique value; reload and try again.');
        }
        throw error;
      }
    },
  };
}
