import { describe, expect, it } from 'vitest';
import {
  aCompany,
  anApiToken,
  call,
  signIn,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;
let dispatcher: Credentials;
let otherAdmin: Credentials;
let companyId: string;

interface Problem {
  code: string;
  issues: { code: string; severity: string; path: string; message: string }[];
}

withSignedInHarness('SNDR', async (signedIn) => {
  ({ harness, admin, companyId } = signedIn);
  otherAdmin = await signIn(harness, (await aCompany(harness, 'SNDO')).email);
  viewer = await anApiToken(harness, admin, 'viewer');
  dispatcher = await anApiToken(harness, admin, 'dispatcher');
});

const put = (who: Credentials, body: unknown) =>
  call(harness, who, 'PUT', '/api/v1/company/edi-identity', { body });

describe('the company sender ID (GET/PUT /company/edi-identity)', () => {
  it('is the SCAC at first, for any role', async () => {
    const read = await call(harness, viewer, 'GET', '/api/v1/company/edi-identity');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({
      senderId: 'SNDR',
      defaultedToScac: true,
      controlNumbersUsed: 0,
    });
  });

  it('is refused to a viewer and a dispatcher (403), and nothing changes', async () => {
    for (const who of [viewer, dispatcher]) {
      expect((await put(who, { senderId: 'SNDRCERT' })).statusCode).toBe(403);
    }
    const read = await call(harness, viewer, 'GET', '/api/v1/company/edi-identity');
    expect(read.json()).toMatchObject({ senderId: 'SNDR', defaultedToScac: true });
  });

  it('an admin sets it: answered with the identity and no warning, audited, read back', async () => {
    const set = await put(admin, { senderId: 'SNDR CERT-01' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      identity: { senderId: 'SNDR CERT-01', defaultedToScac: false, controlNumbersUsed: 0 },
      issues: [],
    });
    const read = await call(harness, viewer, 'GET', '/api/v1/company/edi-identity');
    expect(read.json()).toMatchObject({ senderId: 'SNDR CERT-01' });
    const audit = await harness.db
      .selectFrom('audit_log')
      .select(['action', 'after_json as after'])
      .where('company_id', '=', companyId)
      .where('action', '=', 'sender_id_set')
      .execute();
    expect(audit.map((a) => a.after)).toContain('{"senderId":"SNDR CERT-01"}');
  });

  it.each([
    [{ senderId: 'sndr' }, 'lower-case'],
    [{ senderId: 'SNDR*1' }, 'basic set'],
    [{ senderId: 'SNDR-0123456789AB' }, '17 characters'],
    [{ senderId: ' SNDR' }, 'space'],
  ])('refuses %j with 422 and an issue at /senderId', async (body, words) => {
    const bad = await put(admin, body);
    expect(bad.statusCode, bad.body).toBe(422);
    const problem = bad.json<Problem>();
    expect(problem.issues).toEqual([
      expect.objectContaining({ code: 'EDI_SENDER_ID_FORMAT', path: '/senderId' }),
    ]);
    expect(problem.issues[0]?.message).toContain(words);
  });

  it('refuses a body that is not { senderId } with 4xx, never 500', async () => {
    for (const body of [{}, { senderId: 42 }, { senderId: 'SNDRX', scac: 'EVIL' }, 'SNDR']) {
      const refused = await put(admin, body);
      expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(400);
      expect(refused.statusCode).toBeLessThan(500);
    }
    const read = await call(harness, viewer, 'GET', '/api/v1/company/edi-identity');
    expect(read.json()).toMatchObject({ senderId: 'SNDR CERT-01' });
  });

  it("refuses another company's sender ID or SCAC with 409 and a located issue", async () => {
    for (const taken of ['SNDR CERT-01', 'SNDO']) {
      const who = taken === 'SNDO' ? admin : otherAdmin;
      const refused = await put(who, { senderId: taken });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json<Problem>().issues).toEqual([
        expect.objectContaining({ code: 'EDI_SENDER_ID_TAKEN', path: '/senderId' }),
      ]);
    }
  });

  it('keeps each company to its own identity', async () => {
    const other = await call(harness, otherAdmin, 'GET', '/api/v1/company/edi-identity');
    expect(other.json()).toMatchObject({ senderId: 'SNDO', defaultedToScac: true });
    const set = await put(otherAdmin, { senderId: 'SNDOCERT' });
    expect(set.statusCode, set.body).toBe(200);
    const mine = await call(harness, admin, 'GET', '/api/v1/company/edi-identity');
    expect(mine.json()).toMatchObject({ senderId: 'SNDR CERT-01' });
  });
});
