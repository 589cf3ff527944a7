import { expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { inProcessCbp } from '../../../test/in-process-cbp.js';
import {
  appFailure,
  describeOnDatabases,
  type TestCompany,
} from '../../../test/storage-harness.js';
import { updateCompany } from '../accounts/update-company.js';
import type { Actor } from '../shared/actor.js';
import { createShipment } from '../shipments/create-shipment.js';
import { createTrip } from '../trips/create-trip.js';
import { deliverOutbox } from './deliver-outbox.js';
import { getEdiIdentity } from './get-edi-identity.js';
import { getFilingStatus } from './get-filing-status.js';
import { getInterchange } from './get-interchange.js';
import { ingestResponses } from './ingest-responses.js';
import { setFilingMode } from './set-filing-mode.js';
import { setSenderId } from './set-sender-id.js';
import { syncTrip } from './sync-trip.js';

/** ISA15 of an interchange as written: T test, P production. */
function usageOf(text: string): string {
  return text.split('*')[15] ?? '';
}

/** ISA06 and GS02 of an interchange as written (ISA06 padded to 15 characters). */
function senderOf(text: string): { isa06: string; gs02: string } {
  const segments = text.split('~').map((s) => s.trim().split('*'));
  const isa = segments.find((s) => s[0] === 'ISA');
  const gs = segments.find((s) => s[0] === 'GS');
  return { isa06: isa?.[6] ?? '', gs02: gs?.[2] ?? '' };
}

describeOnDatabases('the company sender ID', (ctx) => {
  /** A sender ID no other test company holds: CBP-like, 2 letters + the SCAC + a digit. */
  const idFor = (company: TestCompany, n = 1) => `ZZ${company.scac}${n}`;

  /** Sets the sender ID as the settings page does: at the version just read. */
  async function setSender(who: Actor, senderId: string) {
    const { version } = await getEdiIdentity(ctx().deps, who);
    return setSenderId(ctx().deps, who, { senderId, expectedVersion: version });
  }

  /** A trip of one shipment synced and sent to CBP; its answers wait at `cbp`. */
  async function sendOnce(company: TestCompany, n = 1) {
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}202611300${String(n)}`,
        shipments: [aShipment({ shipmentControlNumber: `${company.scac}000000000${String(n)}` })],
      }),
    });
    const cbp = inProcessCbp({});
    await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
    await deliverOutbox(ctx().deps, cbp.transport);
    return { trip, cbp };
  }

  /** A trip filed: sent, and CBP's answers read. */
  async function fileOnce(company: TestCompany) {
    const sent = await sendOnce(company);
    await ingestResponses(ctx().deps, sent.cbp.transport);
    return sent;
  }

  it('is the SCAC until an admin sets the one CBP assigned; the next sync sends it in ISA06 and GS02, and CBP answers reach the company', async () => {
    const company = await ctx().newCompany();
    const read = await getEdiIdentity(ctx().deps, company.viewer);
    expect(read).toEqual({
      senderId: company.scac,
      defaultedToScac: true,
      controlNumbersUsed: 0,
      filingMode: 'test',
      version: expect.any(Number) as unknown,
    });
    const senderId = idFor(company);
    const set = await setSender(company.admin, senderId);
    // A change of the company's settings: their next version.
    expect(set).toEqual({
      identity: {
        senderId,
        defaultedToScac: false,
        controlNumbersUsed: 0,
        filingMode: 'test',
        version: read.version + 1,
      },
      issues: [],
    });

    const { trip } = await fileOnce(company);
    const view = await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });
    expect(view.trip.status).toBe('accepted');
    const out = view.interchanges.filter((i) => i.direction === 'out');
    expect(out).toHaveLength(2);
    for (const listed of out) {
      const raw = await getInterchange(ctx().deps, company.viewer, {
        tripId: trip.id,
        interchangeId: listed.id,
      });
      expect(senderOf(raw.text)).toEqual({ isa06: senderId.padEnd(15, ' '), gs02: senderId });
    }
    expect((await getEdiIdentity(ctx().deps, company.viewer)).controlNumbersUsed).toBe(2);

    const audit = await ctx().deps.store.transaction((r) =>
      r.audit.listForEntity(company.companyId, 'company', company.companyId),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'sender_id_set',
        before: { senderId: company.scac },
        after: { senderId },
      }),
    );
  });

  it('changes it after filing with a warning; the interchanges already sent keep the old one', async () => {
    const company = await ctx().newCompany();
    const { trip } = await fileOnce(company);
    const changed = await setSender(company.admin, idFor(company, 2));
    expect(changed.identity).toMatchObject({
      senderId: idFor(company, 2),
      defaultedToScac: false,
      controlNumbersUsed: 2,
    });
    expect(changed.issues).toEqual([
      expect.objectContaining({
        code: 'EDI_SENDER_ID_CHANGED_AFTER_FILING',
        severity: 'warning',
        path: '/senderId',
      }),
    ]);
    expect(changed.issues[0]?.message).toContain(`keep the old sender ID ${company.scac}`);
    const view = await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });
    const first = view.interchanges.find((i) => i.direction === 'out');
    const raw = await getInterchange(ctx().deps, company.viewer, {
      tripId: trip.id,
      interchangeId: first?.id ?? '',
    });
    expect(senderOf(raw.text).gs02).toBe(company.scac);
    // Setting the same ID again changes nothing and warns of nothing.
    expect((await setSender(company.admin, idFor(company, 2))).issues).toEqual([]);
  });

  it.each([
    ['A', 'is 1 characters long'],
    ['ABCDEFGHIJKLMNOP', 'is 16 characters long'],
    [' DEMO', 'space'],
    ['demo1', 'lower-case'],
    ['DEMO*1', 'basic set'],
  ])('refuses %j at /senderId and keeps the stored one', async (senderId, words) => {
    const company = await ctx().newCompany();
    await setSender(company.admin, idFor(company));
    const error = await appFailure(setSender(company.admin, senderId));
    expect(error.kind).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'EDI_SENDER_ID_FORMAT', path: '/senderId' }),
    ]);
    expect(error.issues[0]?.message).toContain(words);
    expect((await getEdiIdentity(ctx().deps, company.viewer)).senderId).toBe(idFor(company));
  });

  it("refuses another company's sender ID, and the SCAC another company will file under", async () => {
    const one = await ctx().newCompany();
    const notYetFiled = await ctx().newCompany();
    const asker = await ctx().newCompany();
    await setSender(one.admin, idFor(one));
    for (const taken of [idFor(one), notYetFiled.scac]) {
      const error = await appFailure(setSender(asker.admin, taken));
      expect(error.kind).toBe('CONFLICT');
      expect(error.issues).toEqual([
        expect.objectContaining({ code: 'EDI_SENDER_ID_TAKEN', path: '/senderId' }),
      ]);
    }
    expect((await getEdiIdentity(ctx().deps, asker.viewer)).senderId).toBe(asker.scac);
    // The company whose SCAC was refused still files under it.
    await fileOnce(notYetFiled);
    expect(await getEdiIdentity(ctx().deps, notYetFiled.viewer)).toMatchObject({
      senderId: notYetFiled.scac,
      controlNumbersUsed: 2,
    });
  });

  it('refuses a change made at a version another admin has changed since, and keeps theirs', async () => {
    const company = await ctx().newCompany();
    const { version } = await getEdiIdentity(ctx().deps, company.admin);
    // Another admin saves first: a sender ID, then the same version is stale.
    await setSender(company.admin, idFor(company, 1));
    const error = await appFailure(
      setSenderId(ctx().deps, company.admin, {
        senderId: idFor(company, 2),
        expectedVersion: version,
      }),
    );
    expect(error.kind).toBe('STALE_VERSION');
    expect(error.message).toMatch(/^The company was changed by someone else/);
    expect((await getEdiIdentity(ctx().deps, company.viewer)).senderId).toBe(idFor(company, 1));
    // A change of the company's other settings counts too: they share one version.
    const current = await getEdiIdentity(ctx().deps, company.admin);
    await updateCompany(ctx().deps, company.admin, {
      expectedVersion: current.version,
      name: 'Renamed Carrier',
    });
    const afterRename = await appFailure(
      setSenderId(ctx().deps, company.admin, {
        senderId: idFor(company, 3),
        expectedVersion: current.version,
      }),
    );
    expect(afterRename.kind).toBe('STALE_VERSION');
    expect((await setSender(company.admin, idFor(company, 3))).identity.senderId).toBe(
      idFor(company, 3),
    );
  });

  it('keeps an ID the company changed from as its own: CBP answers to it still reach the company, and no other company may take it', async () => {
    const company = await ctx().newCompany();
    await setSender(company.admin, idFor(company, 1));
    // Sent under the first ID; the admin changes it before CBP's answers come back.
    const { trip, cbp } = await sendOnce(company, 2);
    await setSender(company.admin, idFor(company, 2));
    // CBP answers to the ID the interchanges carried: they reach the trip.
    await ingestResponses(ctx().deps, cbp.transport);
    const view = await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });
    expect(view.trip.status).toBe('accepted');
    const answers = view.interchanges.filter((i) => i.direction === 'in');
    expect(answers.length).toBeGreaterThan(0);

    const other = await ctx().newCompany();
    const error = await appFailure(setSender(other.admin, idFor(company, 1)));
    expect(error.kind).toBe('CONFLICT');
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'EDI_SENDER_ID_TAKEN', path: '/senderId' }),
    ]);
    // And the company may go back to it.
    expect((await setSender(company.admin, idFor(company, 1))).identity.senderId).toBe(
      idFor(company, 1),
    );
  });

  it('is set by an admin only, and each company sees its own', async () => {
    const company = await ctx().newCompany();
    const other = await ctx().newCompany();
    for (const who of [company.viewer, company.dispatcher]) {
      const error = await appFailure(setSender(who, idFor(company)));
      expect(error.kind).toBe('FORBIDDEN');
    }
    await setSender(company.admin, idFor(company));
    expect((await getEdiIdentity(ctx().deps, other.viewer)).senderId).toBe(other.scac);
    expect((await getEdiIdentity(ctx().deps, company.viewer)).senderId).toBe(idFor(company));
  });
  it('files as tests (ISA15 T) until an admin switches the company to production (P)', async () => {
    const company = await ctx().newCompany();
    const payloads = () =>
      ctx().deps.store.transaction(async (repos) =>
        Promise.all(
          (await repos.filing.listTransmissions(company.companyId, trip.id)).map(
            async (t) =>
              (await repos.filing.findTransmission(company.companyId, t.controlNumber))?.payload ??
              '',
          ),
        ),
      );
    const { trip } = await fileOnce(company);
    expect((await payloads()).map(usageOf)).toEqual(['T', 'T']);

    const { version } = await getEdiIdentity(ctx().deps, company.admin);
    // Admins only, at the version read.
    const dispatcher = await appFailure(
      setFilingMode(ctx().deps, company.dispatcher, {
        mode: 'production',
        expectedVersion: version,
      }),
    );
    expect(dispatcher.kind).toBe('FORBIDDEN');
    const stale = await appFailure(
      setFilingMode(ctx().deps, company.admin, {
        mode: 'production',
        expectedVersion: version - 1,
      }),
    );
    expect(stale.kind).toBe('STALE_VERSION');
    const set = await setFilingMode(ctx().deps, company.admin, {
      mode: 'production',
      expectedVersion: version,
    });
    expect(set).toMatchObject({ filingMode: 'production', version: version + 1 });
    expect((await getEdiIdentity(ctx().deps, company.viewer)).filingMode).toBe('production');
    // Audited, and a company edit keeps it.
    await ctx().deps.store.transaction(async (repos) => {
      const entries = await repos.audit.listForEntity(
        company.companyId,
        'company',
        company.companyId,
      );
      expect(entries.at(-1)).toMatchObject({
        action: 'filing_mode_set',
        before: { filingMode: 'test' },
        after: { filingMode: 'production' },
      });
    });
    await updateCompany(ctx().deps, company.admin, {
      name: 'Renamed Haul',
      expectedVersion: version + 1,
    });
    expect((await getEdiIdentity(ctx().deps, company.viewer)).filingMode).toBe('production');

    // The next sync files for real: a new shipment's 309 and the 358 carry P.
    await createShipment(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}0000000077` }),
    });
    await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
    const usages = (await payloads()).map(usageOf);
    expect(usages.slice(0, 2)).toEqual(['T', 'T']);
    expect(usages.slice(2)).not.toHaveLength(0);
    expect(new Set(usages.slice(2))).toEqual(new Set(['P']));
  });
});
