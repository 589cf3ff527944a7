import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import type { NewTransmission, Repositories } from '../../app/shared/ports/index.js';

describeOnDatabases('filing repository', (ctx) => {
  const at = '2026-11-28T12:00:00.000Z';
  const later = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();
  const tx = <T>(work: (repos: Repositories) => Promise<T>): Promise<T> =>
    ctx().deps.store.transaction(work);

  const outgoing = (companyId: string, tripId: string, controlNumber: number): NewTransmission => ({
    id: crypto.randomUUID(),
    companyId,
    tripId,
    tripNumber: 'ABCD2026112801',
    setId: '309',
    purpose: 'preliminary',
    controlNumber,
    scns: ['ABCD0001000001'],
    payload: `ISA…${controlNumber}`,
    createdAt: at,
  });

  it('hands out control numbers per company, never the same one twice, even to parallel transactions', async () => {
    const a = await ctx().newCompany();
    const b = await ctx().newCompany();
    await tx((r) => r.filing.senderId(a.companyId, `S${a.scac}`, at));
    await tx((r) => r.filing.senderId(b.companyId, `S${b.scac}`, at));
    const firsts = await Promise.all(
      Array.from({ length: 8 }, () => tx((r) => r.filing.reserveControlNumbers(a.companyId, 3))),
    );
    const numbers = firsts.flatMap((first) => [first, first + 1, first + 2]);
    expect(new Set(numbers).size).toBe(24);
    expect(Math.min(...numbers)).toBe(1);
    expect(await tx((r) => r.filing.reserveControlNumbers(b.companyId, 1))).toBe(1);
    // A reservation rolled back with its transaction took nothing that was used.
    await expect(
      tx(async (r) => {
        await r.filing.reserveControlNumbers(a.companyId, 5);
        throw new Error('the sync failed');
      }),
    ).rejects.toThrow('the sync failed');
    expect(await tx((r) => r.filing.reserveControlNumbers(a.companyId, 1))).toBe(25);
  });

  it('keeps one sender ID per company and finds the company by it', async () => {
    const a = await ctx().newCompany();
    expect(await tx((r) => r.filing.senderId(a.companyId, `X${a.scac}`, at))).toBe(`X${a.scac}`);
    expect(await tx((r) => r.filing.senderId(a.companyId, 'OTHER', at))).toBe(`X${a.scac}`);
    expect(await tx((r) => r.filing.companyBySenderId(`X${a.scac}`))).toBe(a.companyId);
    const b = await ctx().newCompany();
    await expect(tx((r) => r.filing.senderId(b.companyId, `X${a.scac}`, at))).rejects.toThrow();
  });

  it('claims due transmissions oldest first, one per trip, and no row by two claimers at once', async () => {
    const { companyId } = await ctx().newCompany();
    const trip1 = crypto.randomUUID();
    const trip2 = crypto.randomUUID();
    await tx((r) =>
      r.filing.enqueue(
        [
          outgoing(companyId, trip1, 1),
          outgoing(companyId, trip1, 2),
          outgoing(companyId, trip2, 3),
        ],
        at,
      ),
    );
    const claims = await Promise.all(
      [1, 2, 3].map(() => tx((r) => r.filing.claimDue(at, later(1), 10))),
    );
    const claimed = claims.flat().filter((t) => t.companyId === companyId);
    expect(claimed.map((t) => t.controlNumber).sort()).toEqual([1, 3]);
    expect(claimed.every((t) => t.attempts === 1)).toBe(true);
    // Leased: nobody else takes them before the lease runs out; the trip's second waits its turn.
    const again = await tx((r) => r.filing.claimDue(at, later(1), 10));
    expect(again.filter((t) => t.companyId === companyId)).toEqual([]);
    const first = claimed.find((t) => t.controlNumber === 1);
    expect(await tx((r) => r.filing.markSent(first?.id ?? '', later(0.5)))).toBe(true);
    expect(await tx((r) => r.filing.markSent(first?.id ?? '', later(0.5)))).toBe(false);
    const next = await tx((r) => r.filing.claimDue(later(0.5), later(2), 10));
    expect(next.filter((t) => t.companyId === companyId).map((t) => t.controlNumber)).toEqual([2]);
    // A sender that died: its lease runs out and the row is claimed again (attempt 2).
    const third = claimed.find((t) => t.controlNumber === 3);
    const retaken = await tx((r) => r.filing.claimDue(later(3), later(4), 10));
    expect(retaken.filter((t) => t.companyId === companyId).map((t) => [t.id, t.attempts])).toEqual(
      expect.arrayContaining([[third?.id, 2]]),
    );
  });

  it('backs off after a failed attempt and marks a transmission failed for good when told', async () => {
    const { companyId } = await ctx().newCompany();
    const trip = crypto.randomUUID();
    await tx((r) => r.filing.enqueue([outgoing(companyId, trip, 7)], at));
    const mine = async (now: string) =>
      (await tx((r) => r.filing.claimDue(now, later(100), 50))).filter(
        (t) => t.companyId === companyId,
      );
    const [claimed] = await mine(at);
    await tx((r) => r.filing.markAttemptFailed(claimed?.id ?? '', 'connection refused', later(5)));
    expect(await mine(later(4))).toEqual([]);
    const [retry] = await mine(later(5));
    expect(retry).toMatchObject({ attempts: 2, lastError: 'connection refused' });
    await tx((r) => r.filing.markAttemptFailed(retry?.id ?? '', 'refused for good', null));
    expect(await tx((r) => r.filing.listTransmissions(companyId, trip))).toMatchObject([
      { state: 'failed', lastError: 'refused for good' },
    ]);
  });

  it('archives raw interchanges and shows them to their company only', async () => {
    const a = await ctx().newCompany();
    const b = await ctx().newCompany();
    const trip = crypto.randomUUID();
    const id = crypto.randomUUID();
    await tx((r) =>
      r.filing.archive({
        id,
        companyId: a.companyId,
        tripId: trip,
        direction: 'in',
        setId: '355',
        controlNumber: '000000009',
        at,
        text: 'ISA*…',
        problem: null,
      }),
    );
    expect(await tx((r) => r.filing.findArchived(a.companyId, id))).toMatchObject({
      direction: 'in',
      text: 'ISA*…',
    });
    expect(await tx((r) => r.filing.findArchived(b.companyId, id))).toBeUndefined();
    expect(await tx((r) => r.filing.listArchive(a.companyId, trip))).toHaveLength(1);
  });

  it('keeps the current filing state per trip and shipment, and the history in order', async () => {
    const { companyId } = await ctx().newCompany();
    const tripId = crypto.randomUUID();
    const state = {
      companyId,
      tripId,
      scn: 'ABCD0001000001',
      status: 'transmitted' as const,
      accepted: null,
      sent: { action: 'add', snapshot: { scn: 'ABCD0001000001' } },
      updatedAt: at,
    };
    await tx((r) => r.filing.putStates([state]));
    expect(await tx((r) => r.filing.states(companyId, tripId))).toEqual([state]);
    await tx((r) =>
      r.filing.putStates([
        { ...state, status: 'accepted', accepted: state.sent.snapshot, sent: null },
      ]),
    );
    expect(await tx((r) => r.filing.states(companyId, tripId))).toEqual([
      { ...state, status: 'accepted', accepted: { scn: 'ABCD0001000001' }, sent: null },
    ]);
    expect(await tx((r) => r.filing.statusesOfScns(companyId, ['ABCD0001000001']))).toMatchObject([
      { tripId, sentAction: null },
    ]);
    const entry = { companyId, tripId, scn: '', at, archiveId: null };
    await tx((r) =>
      r.filing.appendHistory([
        { ...entry, status: 'transmitted', detail: { controlNumber: 1 } },
        { ...entry, status: 'accepted', detail: { reasons: [] } },
      ]),
    );
    expect(await tx((r) => r.filing.statuses(companyId, tripId))).toEqual([
      { tripId, scn: 'ABCD0001000001', status: 'accepted', sentAction: null, updatedAt: at },
    ]);
    await tx((r) =>
      r.filing.appendHistory([
        { ...entry, scn: 'ABCD0001000001', status: 'accepted', detail: {} },
        { ...entry, status: 'arrived', detail: {} },
      ]),
    );
    // Newest first, a page at a time; the trip's own row or one shipment's, oldest first.
    const first = await tx((r) => r.filing.historyPage(companyId, tripId, { limit: 3 }));
    expect(first.items.map((h) => h.status)).toEqual(['arrived', 'accepted', 'accepted']);
    expect(first.items[1]?.scn).toBe('ABCD0001000001');
    const rest = await tx((r) =>
      r.filing.historyPage(companyId, tripId, { limit: 3, cursor: first.nextCursor ?? '' }),
    );
    expect(rest).toEqual({
      items: [expect.objectContaining({ status: 'transmitted' })],
      nextCursor: null,
    });
    expect(await tx((r) => r.filing.historyCount(companyId, tripId))).toBe(4);
    expect(
      (await tx((r) => r.filing.historyOf(companyId, tripId, ''))).map((h) => h.status),
    ).toEqual(['transmitted', 'accepted', 'arrived']);
    expect(
      (await tx((r) => r.filing.historyOf(companyId, tripId, 'ABCD0001000001'))).map(
        (h) => h.detail,
      ),
    ).toEqual([{}]);
    // Another trip's history is not this one's.
    expect(await tx((r) => r.filing.historyCount(companyId, crypto.randomUUID()))).toBe(0);
  });

  it('writes many states at once, replacing each trip and SCN, and finds SCNs across trips in one call', async () => {
    const { companyId } = await ctx().newCompany();
    const other = await ctx().newCompany();
    const [first, second] = [crypto.randomUUID(), crypto.randomUUID()];
    const scn = (i: number) => `ABCD${String(i).padStart(10, '0')}`;
    const state = (tripId: string, i: number, status: 'accepted' | 'released') => ({
      companyId,
      tripId,
      scn: scn(i),
      status,
      accepted: { scn: scn(i) },
      sent: null,
      updatedAt: at,
    });
    // More rows than one statement takes: the repository splits them.
    const many = Array.from({ length: 1_203 }, (_, i) => state(first, i, 'accepted'));
    await tx((r) => r.filing.putStates(many));
    await tx((r) =>
      r.filing.putStates([
        {
          ...state(first, 7, 'released'),
          sent: { action: 'change', snapshot: { scn: scn(7) } },
          updatedAt: later(1),
        },
        state(second, 7, 'accepted'),
      ]),
    );
    await tx((r) =>
      r.filing.putStates([{ ...state(first, 8, 'released'), companyId: other.companyId }]),
    );
    const states = await tx((r) => r.filing.states(companyId, first));
    expect(states).toHaveLength(1_203);
    expect(states.find((s) => s.scn === scn(7))).toEqual({
      ...state(first, 7, 'released'),
      sent: { action: 'change', snapshot: { scn: scn(7) } },
      updatedAt: later(1),
    });
    const found = await tx((r) =>
      r.filing.statusesOfScns(companyId, [scn(7), scn(8), 'ABCD9999999999']),
    );
    expect(
      found.map((s) => `${s.tripId === first ? 'first' : 'second'} ${s.scn} ${s.status}`).sort(),
    ).toEqual([
      `first ${scn(7)} released`,
      `first ${scn(8)} accepted`,
      `second ${scn(7)} accepted`,
    ]);
  });

  it("applies CBP's answers to many states without reading their documents, each effect its own way", async () => {
    const { companyId } = await ctx().newCompany();
    const tripId = crypto.randomUUID();
    const scn = (i: number) => `ABCD${String(i).padStart(10, '0')}`;
    const sent = (i: number) => ({ action: i % 2 === 0 ? 'add' : 'delete', snapshot: { n: i } });
    // 1,203 shipments sent (more than one statement takes), each accepted before as { was: i }.
    const stored = Array.from({ length: 1_203 }, (_, i) => ({
      companyId,
      tripId,
      scn: scn(i),
      status: 'transmitted' as const,
      accepted: { was: i },
      sent: sent(i),
      updatedAt: at,
    }));
    await tx((r) => r.filing.putStates(stored));
    const effects = ['status', 'rejected', 'accepted', 'withdrawn'] as const;
    const effectOf = (i: number) => effects[i % 4] ?? 'status';
    await tx((r) =>
      r.filing.changeStates([
        ...stored.map((s, i) => ({
          companyId,
          tripId,
          scn: s.scn,
          status: i % 4 === 0 ? ('on-hold' as const) : ('accepted' as const),
          effect: effectOf(i),
          updatedAt: later(1),
        })),
        // A state not stored yet is created, with neither document.
        {
          companyId,
          tripId,
          scn: '',
          status: 'rejected' as const,
          effect: 'rejected' as const,
          updatedAt: later(1),
        },
      ]),
    );
    const states = new Map(
      (await tx((r) => r.filing.states(companyId, tripId))).map((s) => [s.scn, s]),
    );
    expect(states.size).toBe(1_204);
    for (const i of [0, 1, 2, 3, 1_200, 1_201, 1_202]) {
      const expected = {
        status: { status: 'on-hold', accepted: { was: i }, sent: sent(i) },
        rejected: { status: 'accepted', accepted: { was: i }, sent: null },
        accepted: { status: 'accepted', accepted: { n: i }, sent: null },
        withdrawn: { status: 'accepted', accepted: null, sent: null },
      }[effectOf(i)];
      expect(states.get(scn(i)), `${effectOf(i)} ${String(i)}`).toEqual({
        companyId,
        tripId,
        scn: scn(i),
        updatedAt: later(1),
        ...expected,
      });
    }
    expect(states.get('')).toMatchObject({ status: 'rejected', accepted: null, sent: null });
    // The statuses alone, with the action still waiting where one does.
    const statuses = await tx((r) => r.filing.statuses(companyId, tripId));
    expect(statuses.find((s) => s.scn === scn(4))).toEqual({
      tripId,
      scn: scn(4),
      status: 'on-hold',
      sentAction: 'add',
      updatedAt: later(1),
    });
    expect(statuses.filter((s) => s.sentAction !== null)).toHaveLength(301);
  });

  it('moves the documents of each trip an answer names, and of no other trip with the same SCN', async () => {
    const { companyId } = await ctx().newCompany();
    const [first, second, third] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const scn = 'ABCD0000000001';
    const sentIn = (tripId: string) => ({
      companyId,
      tripId,
      scn,
      status: 'transmitted' as const,
      accepted: { was: tripId },
      sent: { action: 'change', snapshot: { now: tripId } },
      updatedAt: at,
    });
    await tx((r) => r.filing.putStates([sentIn(first), sentIn(second), sentIn(third)]));
    // One answer (a 350 names SCNs of several trips): the first accepted, the second rejected.
    await tx((r) =>
      r.filing.changeStates([
        { companyId, tripId: first, scn, status: 'accepted', effect: 'accepted', updatedAt: at },
        { companyId, tripId: second, scn, status: 'rejected', effect: 'rejected', updatedAt: at },
      ]),
    );
    const documents = async (tripId: string) => {
      const [state] = await tx((r) => r.filing.states(companyId, tripId));
      return { status: state?.status, accepted: state?.accepted, sent: state?.sent };
    };
    expect(await documents(first)).toEqual({
      status: 'accepted',
      accepted: { now: first },
      sent: null,
    });
    expect(await documents(second)).toEqual({
      status: 'rejected',
      accepted: { was: second },
      sent: null,
    });
    expect(await documents(third)).toEqual({
      status: 'transmitted',
      accepted: { was: third },
      sent: { action: 'change', snapshot: { now: third } },
    });
  });

  it('remembers where a transport stopped reading', async () => {
    const name = `simulator-${crypto.randomUUID()}`;
    expect(await tx((r) => r.filing.cursor(name))).toBeUndefined();
    await tx((r) => r.filing.setCursor(name, '4'));
    await tx((r) => r.filing.setCursor(name, '9'));
    expect(await tx((r) => r.filing.cursor(name))).toBe('9');
  });

  it('moves a cursor only from where it is, so one of two readers wins', async () => {
    const name = `folders-${crypto.randomUUID()}`;
    const [a, b] = await Promise.all([
      tx((r) => r.filing.moveCursor(name, undefined, '3')),
      tx((r) => r.filing.moveCursor(name, undefined, '3')),
    ]);
    expect([a, b].sort()).toEqual([false, true]);
    expect(await tx((r) => r.filing.moveCursor(name, '2', '5'))).toBe(false);
    expect(await tx((r) => r.filing.moveCursor(name, '3', '3'))).toBe(true);
    expect(await tx((r) => r.filing.moveCursor(name, '3', '5'))).toBe(true);
    expect(await tx((r) => r.filing.cursor(name))).toBe('5');
  });
});
