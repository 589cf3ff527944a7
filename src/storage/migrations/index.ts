import type { Migration, MigrationProvider } from 'kysely';
import { accountsMigration } from './0001-accounts.js';
import { masterDataMigration } from './0002-master-data.js';
import { tripsMigration } from './0003-trips.js';
import { auditLogMigration } from './0004-audit-log.js';
import { tripNumberRegistryMigration } from './0005-trip-number-registry.js';
import { rateLimitsMigration } from './0006-rate-limits.js';
import { invitationsMigration } from './0007-invitations.js';
import { tripSearchPlatesMigration } from './0008-trip-search-plates.js';
import { filingMigration } from './0009-filing.js';
import { driverLinksMigration } from './0010-driver-links.js';
import { alertsMigration } from './0011-alerts.js';
import { companyLogoMigration } from './0012-company-logo.js';
import { filingStatesByScnMigration } from './0013-filing-states-by-scn.js';
import { alertDriverEmailsMigration } from './0014-alert-driver-emails.js';
import { profileSearchMigration } from './0015-profile-search.js';
import { senderIdRegistryMigration } from './0016-sender-id-registry.js';
import { commodityDescriptionsMigration } from './0017-commodity-descriptions.js';
import { filingModeMigration } from './0018-filing-mode.js';
import { tripStatusFromFilingMigration } from './0019-trip-status-from-filing.js';
import { filingHistoryByScnMigration } from './0020-filing-history-by-scn.js';
import { sentToCbpColumnsMigration } from './0021-sent-to-cbp-columns.js';
import { filingDocumentsMigration } from './0022-filing-documents.js';

/**
 * Forward-only migrations, listed in code rather than found by scanning a folder, so they run
 * the same from src/ (tests) and dist/ (production). Never edit a published one: add the next.
 */
export function migrationsFor(): Record<string, Migration> {
  return {
    '0001-accounts': accountsMigration(),
    '0002-master-data': masterDataMigration(),
    '0003-trips': tripsMigration(),
    '0004-audit-log': auditLogMigration(),
    '0005-trip-number-registry': tripNumberRegistryMigration(),
    '0006-rate-limits': rateLimitsMigration(),
    '0007-invitations': invitationsMigration(),
    '0008-trip-search-plates': tripSearchPlatesMigration(),
    '0009-filing': filingMigration(),
    '0010-driver-links': driverLinksMigration(),
    '0011-alerts': alertsMigration(),
    '0012-company-logo': companyLogoMigration(),
    '0013-filing-states-by-scn': filingStatesByScnMigration(),
    '0014-alert-driver-emails': alertDriverEmailsMigration(),
    '0015-profile-search': profileSearchMigration(),
    '0016-sender-id-registry': senderIdRegistryMigration(),
    '0017-commodity-descriptions': commodityDescriptionsMigration(),
    '0018-filing-mode': filingModeMigration(),
    '0019-trip-status-from-filing': tripStatusFromFilingMigration(),
    '0020-filing-history-by-scn': filingHistoryByScnMigration(),
    '0021-sent-to-cbp-columns': sentToCbpColumnsMigration(),
    '0022-filing-documents': filingDocumentsMigration(),
  };
}

export function migrationProvider(): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrationsFor()) };
}
