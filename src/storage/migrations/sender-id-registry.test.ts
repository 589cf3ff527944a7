import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { senderIdRegistryMigration } from './0016-sender-id-registry.js';

describeOnDatabases('migration 0016: the sender ID registry', (ctx) => {
  it('registers every sender ID held when it runs, to its company', async () => {
    const company = await ctx().newCompany();
    const { db } = ctx();
    // A company with a stored sender ID, as before the registry existed.
    await db
      .insertInto('edi_identities')
      .values({
        company_id: company.companyId,
        sender_id: `OLD${company.scac}`,
        next_control_number: 7,
      })
      .execute();
    await sql`drop table sender_id_registry`.execute(db);
    await senderIdRegistryMigration().up(db);
    const rows = await db
      .selectFrom('sender_id_registry')
      .select(['sender_id', 'company_id'])
      .where('company_id', '=', company.companyId)
      .execute();
    expect(rows).toEqual([{ sender_id: `OLD${company.scac}`, company_id: company.companyId }]);
    expect(
      await db.selectFrom('edi_identities').select('next_control_number').execute(),
    ).toContainEqual({ next_control_number: 7 });
  });
});
