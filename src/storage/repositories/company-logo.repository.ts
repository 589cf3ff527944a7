import type { Kysely } from 'kysely';
import type {
  CompanyLogo,
  CompanyLogoRepository,
} from '../../app/shared/ports/company-logo-repository.js';
import type { CompanyLogoTable, Database } from '../schema.js';

function companyLogoFromRow(row: CompanyLogoTable): CompanyLogo {
  return {
    companyId: row.company_id,
    // The column's CHECK constraint admits these two only.
    mediaType: row.media_type === 'image/png' ? 'image/png' : 'image/jpeg',
    width: row.width,
    height: row.height,
    bytes: new Uint8Array(row.bytes),
    updatedAt: row.updated_at,
  };
}

export function companyLogoRepository(db: Kysely<Database>): CompanyLogoRepository {
  return {
    async find(companyId) {
      const row = await db
        .selectFrom('company_logos')
        .selectAll()
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      return row && companyLogoFromRow(row);
    },
    async put(logo) {
      const row = {
        media_type: logo.mediaType,
        width: logo.width,
        height: logo.height,
        bytes: Buffer.from(logo.bytes.buffer, logo.bytes.byteOffset, logo.bytes.byteLength),
        updated_at: logo.updatedAt,
      };
      await db
        .insertInto('company_logos')
        .values({ company_id: logo.companyId, ...row })
        .onConflict((oc) => oc.column('company_id').doUpdateSet(row))
        .execute();
    },
    async remove(companyId) {
      const result = await db
        .deleteFrom('company_logos')
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
