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

const read = (who: Credentials) => call(harness, who, 'GET', '/api/v1/company/edi-identity');

/** A PUT at the version just read (its ETag as If-Match), as a client does. */
async function put(who: Credentials, body: unknown) {
  const etag = String((await read(who)).headers.etag);
  return call(harness, who, 'PUT', '/api/v1/company/edi-identity', {
    body,
    headers: { 'if-match': etag },
  });
}

describe('the company sender ID (GET/PUT /company/edi-identity)', () => {
  it('is the SCAC at first, for any role, tagged with the company settings version', async () => {
    const first = await read(viewer);
    expect(first.statusCode, first.body).toBe(200);
    const identity = first.json<{ version: number }>();
    expect(identity).toEqual({
      senderId: 'SNDR',
      defaultedToScac: true,
      controlNumbersUsed: 0,
      filingMode: 'test',
      version: expect.any(Number) as unknown,
    });
    expect(first.headers.etag).toBe(`"${String(identity.version)}"`);
  });

  it('is changed only at the version read: 428 without If-Match, 409 when stale; nothing changes', async () => {
    const unconditional = await call(harness, admin, 'PUT', '/api/v1/company/edi-identity', {
      body: { senderId: 'SNDRNOMATCH' },
    });
    expect(unconditional.statusCode, unconditional.body).toBe(428);
    const { version } = (await read(admin)).json<{ version: number }>();
    const stale = await call(harness, admin, 'PUT', '/api/v1/company/edi-identity', {
      body: { senderId: 'SNDRSTALE' },
      headers: { 'if-match': `"${String(version - 1)}"` },
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json<Problem>().code).toBe('STALE_VERSION');
    expect((await read(viewer)).json()).toMatchObject({ senderId: 'SNDR', version });
  });

  it('is refused to a viewer and a dispatcher (403), and nothing changes', async () => {
    for (const who of [viewer, dispatcher]) {
      expect((await put(who, { senderId: 'SNDRCERT' })).statusCode).toBe(403);
    }
    expect((await read(viewer)).json()).toMatchObject({ senderId: 'SNDR', defaultedToScac: true });
  });

  it('an admin sets it: answered with the identity and no warning, audited, read back', async () => {
    const { version } = (await read(admin)).json<{ version: number }>();
    const set = await put(admin, { senderId: 'SNDR CERT-01' });
    expect(set.statusCode, set.body).toBe(200);
    // A change of the company's settings makes their next version, the answer's ETag.
    expect(set.json()).toEqual({
      identity: {
        senderId: 'SNDR CERT-01',
        defaultedToScac: false,
        controlNumbersUsed: 0,
        filingMode: 'test',
        version: version + 1,
      },
      issues: [],
    });
    expect(set.headers.etag).toBe(`"${String(version + 1)}"`);
    expect((await read(viewer)).json()).toMatchObject({ senderId: 'SNDR CERT-01' });
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
    expect((await read(viewer)).json()).toMatchObject({ senderId: 'SNDR CERT-01' });
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
    expect((await read(otherAdmin)).json()).toMatchObject({
      senderId: 'SNDO',
      defaultedToScac: true,
    });
    const set = await put(otherAdmin, { senderId: 'SNDOCERT' });
    expect(set.statusCode, set.body).toBe(200);
    expect((await read(admin)).json()).toMatchObject({ senderId: 'SNDR CERT-01' });
  });
});

describe("the company's filing mode (PUT /company/filing-mode)", () => {
  const mode = async (who: Credentials, body: unknown, etag?: string) =>
    call(harness, who, 'PUT', '/api/v1/company/filing-mode', {
      body,
      headers: { 'if-match': etag ?? String((await read(who)).headers.etag) },
    });

  it("switches an admin's company to production at the version read, and back; other roles may not", async () => {
    expect((await mode(dispatcher, { mode: 'production' })).statusCode).toBe(403);
    const withoutVersion = await call(harness, admin, 'PUT', '/api/v1/company/filing-mode', {
      body: { mode: 'production' },
    });
    expect(withoutVersion.statusCode).toBe(428);
    const stale = await mode(admin, { mode: 'production' }, '"1"');
    expect(stale.statusCode, stale.body).toBe(409);
    const set = await mode(admin, { mode: 'production' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ filingMode: 'production' });
    expect(set.headers.etag).toBe(`"${String(set.json<{ version: number }>().version)}"`);
    expect((await read(viewer)).json()).toMatchObject({ filingMode: 'production' });
    // The other company is still filing as tests.
    expect((await read(otherAdmin)).json()).toMatchObject({ filingMode: 'test' });
    expect((await mode(admin, { mode: 'test' })).json()).toMatchObject({ filingMode: 'test' });
  });

  it('refuses a mode that is neither test nor production with 400 at /mode', async () => {
    for (const body of [{ mode: 'live' }, { mode: 'P' }, {}, { mode: 'test', extra: 1 }]) {
      const refused = await mode(admin, body);
      expect(refused.statusCode, refused.body).toBe(400);
    }
    const located = await mode(admin, { mode: 'live' });
    expect(located.json<Problem>().issues[0]?.path).toBe('/mode');
  });
});
