import { expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { inProcessCbp } from '../../../test/in-process-cbp.js';
import { describeOnDatabases, type TestCompany } from '../../../test/storage-harness.js';
import type { CbpTransport } from '../shared/ports/index.js';
import { createTrip } from '../trips/create-trip.js';
import { deliverOutbox } from './deliver-outbox.js';
import { getFilingStatus } from './get-filing-status.js';
import { ingestResponses } from './ingest-responses.js';
import { syncTrip } from './sync-trip.js';

/** An interchange from CBP to `to`, with the counts right: `body` is the set's segments. */
function fromCbp(to: string, control: number, setId: string, gs01: string, body: string[]) {
  const n = String(control);
  const isa = `ISA*00*          *00*          *ZZ*USCSACE        *ZZ*${to.padEnd(15)}*261128*1205*U*00401*${n.padStart(9, '0')}*0*T*>~`;
  const set = [
    `ST*${setId}*${n.padStart(4, '0')}`,
    ...body,
    `SE*${String(body.length + 2)}*${n.padStart(4, '0')}`,
  ];
  return `${isa}GS*${gs01}*USCSACE*${to}*20261128*1205*${n}*X*004060USCBP~${set.join('~')}~GE*1*${n}~IEA*1*${n.padStart(9, '0')}~`;
}
const reject997 = (to: string, control: number, group: number) =>
  fromCbp(to, control, '997', 'FA', [
    `AK1*AQ*${String(group)}`,
    'AK2*309*0001',
    'AK5*R*5',
    'AK9*R*1*1*0',
  ]);

describeOnDatabases('hostile answers from CBP', (ctx) => {
  async function filedCompany(): Promise<{
    company: TestCompany;
    tripId: string;
    senderId: string;
  }> {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026112801`,
        shipments: [aShipment({ shipmentControlNumber: `${company.scac}0000000001` })],
      }),
    });
    await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
    const cbp = inProcessCbp();
    await deliverOutbox(ctx().deps, cbp.transport);
    const senderId = await ctx().deps.store.transaction((repos) =>
      repos.filing.senderId(company.companyId, 'UNUSED', new Date().toISOString()),
    );
    return { company, tripId: trip.id, senderId };
  }
  const batchOf = (texts: string[]): CbpTransport => ({
    name: `batch-${crypto.randomUUID()}`,
    send: () => Promise.resolve({ kind: 'delivered' }),
    receive: (cursor) =>
      Promise.resolve(
        cursor === 'end'
          ? { messages: [], cursor }
          : { messages: texts.map((text, i) => ({ ref: String(i), text })), cursor: 'end' },
      ),
    settle: () => Promise.resolve(),
  });

  const archived = (text: string) =>
    ctx()
      .db.selectFrom('interchange_archive')
      .select(['company_id', 'problem'])
      .where('direction', '=', 'in')
      .where('text', '=', text)
      .execute();
  const statusOf = async (filed: { company: TestCompany; tripId: string }) =>
    (await getFilingStatus(ctx().deps, filed.company.viewer, { tripId: filed.tripId })).shipments[0]
      ?.status;

  it("applies each interchange of a file to its own receiver's company only", async () => {
    const a = await filedCompany();
    const b = await filedCompany();
    // Both companies' first transmission is group 1: B's rejection must not reach A's.
    const forA = fromCbp(a.senderId, 700, '350', 'AU', []);
    const forB = reject997(b.senderId, 701, 1);
    expect(await ingestResponses(ctx().deps, batchOf([forA + forB]))).toEqual({
      messages: 1,
      flagged: 0,
    });
    expect(await statusOf(a)).toBe('transmitted');
    expect(await statusOf(b)).toBe('rejected');
    expect((await archived(forB)).map((row) => row.company_id)).toEqual([b.company.companyId]);
  });

  it('applies nothing of an interchange cut off after its set, and names the segment', async () => {
    const a = await filedCompany();
    const whole = reject997(a.senderId, 702, 1);
    const cut = whole.slice(0, whole.indexOf('GE*'));
    expect(await ingestResponses(ctx().deps, batchOf([cut]))).toEqual({ messages: 1, flagged: 1 });
    expect(await statusOf(a)).toBe('transmitted');
    expect(await archived(cut)).toEqual([
      {
        company_id: a.company.companyId,
        problem:
          'segment 2 (GS): functional group without GE (the text ends first); segment 1 (ISA): interchange without IEA (the text ends first). Nothing of this interchange applied.',
      },
    ]);
  });

  it('applies nothing of an interchange whose envelope disagrees (IEA02 is not ISA13)', async () => {
    const a = await filedCompany();
    const text = reject997(a.senderId, 704, 1).replace('IEA*1*000000704', 'IEA*1*000000999');
    expect(await ingestResponses(ctx().deps, batchOf([text]))).toEqual({ messages: 1, flagged: 1 });
    expect(await statusOf(a)).toBe('transmitted');
    expect((await archived(text))[0]?.problem).toBe(
      'segment 10 (IEA): IEA02 000000999 differs from ISA13 000000704. Nothing of this interchange applied.',
    );
  });

  it('keeps binary content (NUL bytes) aside and still reads the rest of the batch', async () => {
    const a = await filedCompany();
    const binary = reject997(a.senderId, 703, 1).replace('AK5*R*5', 'AK5*R*5\0\0');
    const zeros = '\0'.repeat(100);
    const good = reject997(a.senderId, 705, 1);
    expect(await ingestResponses(ctx().deps, batchOf([binary, zeros, good]))).toEqual({
      messages: 3,
      flagged: 2,
    });
    expect(await statusOf(a)).toBe('rejected');
    expect((await archived(binary.replaceAll('\0', '\uFFFD')))[0]?.problem).toBe(
      'NUL bytes, which X12 never carries (archived as U+FFFD): binary content. Nothing of this interchange applied.',
    );
    expect(await archived('\uFFFD'.repeat(100))).toHaveLength(1);
  });

  it('keeps a message the transport could not read whole with its reason, applying nothing', async () => {
    const a = await filedCompany();
    const text = reject997(a.senderId, 706, 1);
    const transport = batchOf([]);
    transport.receive = (cursor) =>
      Promise.resolve(
        cursor === 'end'
          ? { messages: [], cursor }
          : { messages: [{ ref: 'odd.x12', text, problem: 'not UTF-8 text' }], cursor: 'end' },
      );
    expect(await ingestResponses(ctx().deps, transport)).toEqual({ messages: 1, flagged: 1 });
    expect(await statusOf(a)).toBe('transmitted');
    expect(await archived(text)).toEqual([
      { company_id: null, problem: 'odd.x12: not UTF-8 text' },
    ]);
  });
});
