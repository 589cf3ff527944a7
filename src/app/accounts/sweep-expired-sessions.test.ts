import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { login } from './login.js';
import { sweepExpiredSessions } from './sweep-expired-sessions.js';

describeOnDatabases('sweepExpiredSessions', (ctx) => {
  it('deletes ended sessions and keeps live ones', async () => {
    const company = await ctx().newCompany();
    const email = `admin@${company.scac.toLowerCase()}.example`;
    const password = 'correct horse battery';
    await login({ ...ctx().deps, sessionTtlMs: 1_000 }, { email, password });
    await login(ctx().deps, { email, password });
    const before = await ctx().db.selectFrom('sessions').select('id_hash').execute();
    ctx().clock.advance(60_000);
    expect(await sweepExpiredSessions(ctx().deps)).toBeGreaterThanOrEqual(1);
    const after = await ctx().db.selectFrom('sessions').select('id_hash').execute();
    expect(after.length).toBe(before.length - 1);
  });
});
