import { expect, it } from 'vitest';
import { aDriver, aShipment, aTrip } from '../../../test/builders.js';
import { a350, inProcessCbp } from '../../../test/in-process-cbp.js';
import {
  appFailure,
  describeOnDatabases,
  type TestCompany,
} from '../../../test/storage-harness.js';
import { countingShipmentReads } from '../../../test/shipment-reads.js';
import { readBackStrictly } from '../../../test/x12-readback.js';
import type { TripDocument } from '../../domain/index.js';
import { defaultEdiProfile, type EdiProfile } from '../../edi/index.js';
import type { AppDeps } from '../shared/deps.js';
import type { FilingStatus } from '../shared/ports/index.js';
import { TransportUnavailable, type CbpTransport } from '../shared/ports/index.js';
import { attachShipment } from '../shipments/attach-shipment.js';
import { createShipment } from '../shipments/create-shipment.js';
import { deleteShipment } from '../shipments/delete-shipment.js';
import { findShipmentByScn } from '../shipments/find-shipment-by-scn.js';
import { updateShipment } from '../shipments/update-shipment.js';
import { createTrip } from '../trips/create-trip.js';
import { deleteTrip } from '../trips/delete-trip.js';
import { getTrip } from '../trips/get-trip.js';
import { listTrips } from '../trips/list-trips.js';
import { updateTrip } from '../trips/update-trip.js';
import { deliverOutbox } from './deliver-outbox.js';
import { getEdiIdentity } from './get-edi-identity.js';
import { getFilingStatus, HISTORY_IN_VIEW } from './get-filing-status.js';
import { getFilingStatusIfChanged } from './get-filing-status-if-changed.js';
import { getInterchange } from './get-interchange.js';
import { ingestResponses } from './ingest-responses.js';
import { listFilingHistory } from './list-filing-history.js';
import { listFilingShipments } from './list-filing-shipments.js';
import { syncTrip } from './sync-trip.js';

describeOnDatabases('filing with CBP', (ctx) => {
  const scnOf = (company: TestCompany, n: number) =>
    `${company.scac}${String(n).padStart(10, '0')}`;

  function tripFor(company: TestCompany, overrides: Partial<TripDocument> = {}): TripDocument {
    return aTrip({
      tripNumber: `${company.scac}2026112801`,
      shipments: [aShipment({ shipmentControlNumber: scnOf(company, 1) })],
      ...overrides,
    });
  }

  async function setUp(overrides: Partial<TripDocument> = {}, scenario: unknown = {}) {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: tripFor(company, overrides),
    });
    const cbp = inProcessCbp(scenario);
    const exchange = async (transport: CbpTransport = cbp.transport) => {
      await deliverOutbox(ctx().deps, transport);
      return ingestResponses(ctx().deps, transport);
    };
    const status = () => getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });
    const sync = (input: { rekey?: boolean; cancel?: boolean; resend?: boolean } = {}) =>
      syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id, ...input });
    return { company, trip, cbp, exchange, status, sync };
  }

  it('files a trip (309 then 358), hears CBP accept it, and follows the shipment to released', async () => {
    const { cbp, exchange, status, sync, company, trip } = await setUp();
    const result = await sync();
    expect(result.transmissions.map((t) => [t.setId, t.purpose, t.controlNumber])).toEqual([
      ['309', 'preliminary', 1],
      ['358', 'original', 2],
    ]);
    expect((await status()).trip.status).toBe('transmitted');
    await exchange();
    let view = await status();
    expect(view.trip.status).toBe('accepted');
    expect(view.shipments).toEqual([
      expect.objectContaining({ scn: scnOf(company, 1), status: 'accepted' }),
    ]);
    expect(view.transmissions.map((t) => t.state)).toEqual(['sent', 'sent']);
    cbp.passMinutes(6);
    await exchange();
    expect((await status()).shipments[0]?.status).toBe('entry-on-file');
    cbp.passMinutes(60);
    await exchange();
    view = await status();
    expect(view.shipments[0]?.status).toBe('released');
    expect(view.trip.status).toBe('arrived');
    // Arrived: neither a cancel nor moving the shipment off the trip can withdraw it any more.
    const cancel = await appFailure(sync({ cancel: true }));
    expect(cancel.kind).toBe('INVALID_STATE');
    expect(cancel.issues.map((issue) => [issue.code, issue.message])).toEqual([
      [
        'FILING_TRIP_AT_BORDER',
        'CBP reported the trip arrived: nothing more is sent for it. CBP takes no cancel, re-key or change once the truck has arrived.',
      ],
    ]);
    // A re-key starts with the same delete of the trip: refused as well.
    const read = await getTrip(ctx().deps, company.viewer, { tripId: trip.id });
    await updateTrip(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: read.version,
      document: { ...read.document, tripNumber: `${company.scac}2099000077` },
    });
    const rekey = await appFailure(sync({ rekey: true }));
    expect(rekey.issues.map((issue) => issue.code)).toEqual(['FILING_TRIP_AT_BORDER']);
    await updateTrip(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: read.version + 1,
      document: read.document,
    });
    const released = await findShipmentByScn(ctx().deps, company.viewer, {
      scn: scnOf(company, 1),
    });
    const moved = await appFailure(
      attachShipment(ctx().deps, company.dispatcher, {
        shipmentId: released.id,
        expectedVersion: released.version,
        tripId: null,
      }),
    );
    expect(moved.issues.map((issue) => issue.code)).toEqual(['FILING_SHIPMENT_AT_BORDER']);
    expect(moved.message).toBe(
      'CBP has this shipment at the border: it can no longer be moved off its trip.',
    );
    expect((await status()).transmissions).toHaveLength(2);
    expect(
      view.history
        .filter((h) => h.scn !== null)
        .map((h) => h.detail['dispositionCode'] ?? h.status),
    ).toEqual(['transmitted', 'accepted', 'accepted', '02', '19', '1C']);
    // Every interchange out and in is archived, and the ones we wrote read back strictly.
    expect(view.interchanges.map((i) => `${i.direction}:${i.setId ?? ''}`)).toEqual([
      'out:309',
      'out:358',
      'in:997',
      'in:355',
      'in:997',
      'in:355',
      'in:350',
      'in:350',
    ]);
    for (const listed of view.interchanges.filter((i) => i.direction === 'out')) {
      const raw = await getInterchange(ctx().deps, company.viewer, {
        tripId: trip.id,
        interchangeId: listed.id,
      });
      expect(Number(readBackStrictly(raw.text).isa13)).toBe(Number(listed.controlNumber));
    }
    expect(view.interchanges.every((i) => i.problem === null)).toBe(true);
    // Nothing changed: nothing to send.
    expect((await sync()).transmissions).toEqual([]);
    // A change after arrival is not sent: CBP's answer would overwrite "released".
    const shipped = await findShipmentByScn(ctx().deps, company.viewer, { scn: scnOf(company, 1) });
    await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipped.id,
      expectedVersion: shipped.version,
      shipment: { ...shipped.shipment, orderReference: 'CHANGED-AFTER-RELEASE' },
    });
    const late = await appFailure(sync());
    expect(late.issues.map((issue) => issue.code)).toEqual(['FILING_TRIP_AT_BORDER']);
    expect((await status()).shipments[0]?.status).toBe('released');
  });

  it('writes the interchanges again under the numbers reserved when another sync took the next ones first', async () => {
    const { company, trip } = await setUp();
    const deps = ctx().deps;
    // Another sync of the company reserves three numbers after this one read its sequence and
    // before it reserves its own, as two syncs on PostgreSQL can.
    const racing: AppDeps = {
      ...deps,
      store: {
        transaction: (work, options) =>
          deps.store.transaction(
            (repos) =>
              work({
                ...repos,
                filing: {
                  ...repos.filing,
                  reserveControlNumbers: async (companyId, count) => {
                    await repos.filing.reserveControlNumbers(companyId, 3);
                    return repos.filing.reserveControlNumbers(companyId, count);
                  },
                },
              }),
            options,
          ),
      },
    };
    const result = await syncTrip(racing, company.dispatcher, { tripId: trip.id });
    expect(result.transmissions.map((t) => [t.setId, t.controlNumber])).toEqual([
      ['309', 4],
      ['358', 5],
    ]);
    const view = await getFilingStatus(deps, company.viewer, { tripId: trip.id });
    const sent = view.interchanges.filter((i) => i.direction === 'out');
    expect(sent.map((i) => Number(i.controlNumber))).toEqual([4, 5]);
    for (const listed of sent) {
      const raw = await getInterchange(deps, company.viewer, {
        tripId: trip.id,
        interchangeId: listed.id,
      });
      expect(Number(readBackStrictly(raw.text).isa13)).toBe(Number(listed.controlNumber));
    }
    // The sequence moved past both syncs' numbers: none is handed out twice.
    expect((await getEdiIdentity(deps, company.viewer)).controlNumbersUsed).toBe(5);
  });
  it('stores what it prepared without reading the trip again, unless the trip changed meanwhile', async () => {
    const { company, trip } = await setUp();
    const deps = ctx().deps;
    const shipped = await findShipmentByScn(deps, company.viewer, { scn: scnOf(company, 1) });
    const counted = countingShipmentReads(deps.store);
    let editBeforeWrite = false;
    // With `editBeforeWrite`, a dispatcher's edit lands between the preparation and the
    // transaction that stores it.
    const watched: AppDeps = {
      ...deps,
      store: {
        transaction: async (work, options) => {
          if (options?.readOnly !== true && editBeforeWrite) {
            editBeforeWrite = false;
            await updateShipment(deps, company.dispatcher, {
              shipmentId: shipped.id,
              expectedVersion: shipped.version,
              shipment: { ...shipped.shipment, orderReference: 'EDITED-MEANWHILE' },
            });
          }
          return counted.store.transaction(work, options);
        },
      },
    };
    editBeforeWrite = true;
    const first = await syncTrip(watched, company.dispatcher, { tripId: trip.id });
    // Prepared, found changed, prepared again where it is stored: the edit is what is sent.
    expect(counted.reads()).toBe(2);
    const sent = first.transmissions.find((t) => t.setId === '309');
    const view = await getFilingStatus(deps, company.viewer, { tripId: trip.id });
    const archived = view.interchanges.find(
      (i) => i.direction === 'out' && Number(i.controlNumber) === sent?.controlNumber,
    );
    const raw = await getInterchange(deps, company.viewer, {
      tripId: trip.id,
      interchangeId: archived?.id ?? '',
    });
    expect(raw.text).toContain('EDITED-MEANWHILE');

    // Nothing changes in between: what was prepared is stored as it is.
    const other = await ctx().newCompany();
    const { trip: quiet } = await createTrip(deps, other.dispatcher, { document: tripFor(other) });
    const readsBefore = counted.reads();
    const second = await syncTrip(watched, other.dispatcher, { tripId: quiet.id });
    expect(second.transmissions.map((t) => t.setId)).toEqual(['309', '358']);
    expect(counted.reads() - readsBefore).toBe(1);
  });

  it('carries the latest 500 entries of a long history, and pages all of it newest first', async () => {
    const company = await ctx().newCompany();
    const shipments = Array.from({ length: 200 }, (_, i) =>
      aShipment({ shipmentControlNumber: scnOf(company, i + 1) }),
    );
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: tripFor(company, { shipments }),
    });
    const cbp = inProcessCbp({});
    await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
    await deliverOutbox(ctx().deps, cbp.transport);
    await ingestResponses(ctx().deps, cbp.transport);
    const view = await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });
    expect(view.shipments.filter((s) => s.status === 'accepted')).toHaveLength(200);
    // Each shipment transmitted, accepted by the 309's answer, then by the 358's: 600 and more.
    expect(view.historyTotal).toBeGreaterThan(600);
    expect(view.history).toHaveLength(HISTORY_IN_VIEW);
    const page = (cursor: string | undefined, limit = 300) =>
      listFilingHistory(ctx().deps, company.viewer, { tripId: trip.id, cursor, limit });
    const whole = [];
    let cursor: string | undefined;
    do {
      const next = await page(cursor);
      whole.push(...next.items);
      cursor = next.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(whole).toHaveLength(view.historyTotal);
    // Newest first: the trip's transmission, the first thing recorded, comes last.
    expect(whole.at(-1)).toMatchObject({ scn: null, status: 'transmitted' });
    expect((whole.at(0)?.at ?? '') >= (whole.at(-1)?.at ?? '')).toBe(true);
    // The view's entries are the latest, oldest first; its cursor goes on where they end.
    expect(view.history).toEqual(whole.slice(0, HISTORY_IN_VIEW).reverse());
    expect((await page(view.historyCursor ?? undefined, 500)).items).toEqual(
      whole.slice(HISTORY_IN_VIEW),
    );
    // Another company's trip is not found; a cursor this server never gave is refused.
    const other = await ctx().newCompany();
    const foreign = await appFailure(
      listFilingHistory(ctx().deps, other.viewer, { tripId: trip.id }),
    );
    expect(foreign.kind).toBe('NOT_FOUND');
    const forged = await appFailure(page('bm90IGEgY3Vyc29y'));
    expect(forged.issues.map((i) => [i.code, i.path])).toEqual([
      ['PAGE_CURSOR_INVALID', '/cursor'],
    ]);
  });

  it('tags the status view, and builds it again only once the filing or the shipments changed', async () => {
    const { company, trip, cbp, sync } = await setUp();
    const ask = (seen: readonly string[]) =>
      getFilingStatusIfChanged(ctx().deps, company.viewer, { tripId: trip.id, seen });
    const draft = await ask([]);
    expect(draft.view?.shipments.map((s) => s.status)).toEqual(['draft']);
    // The same tag: no view; another tag or none: the view.
    expect(await ask(['x', draft.tag])).toEqual({ tag: draft.tag, view: undefined });
    expect((await ask(['x'])).view).toEqual(draft.view);
    // A shipment added (no filing yet), a sync, the outbox sending, CBP answering: each a new tag.
    await createShipment(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      shipment: aShipment({ shipmentControlNumber: scnOf(company, 2) }),
    });
    const added = await ask([draft.tag]);
    expect(added.view?.shipments).toHaveLength(2);
    await sync();
    const synced = await ask([added.tag]);
    expect(synced.view?.trip.status).toBe('transmitted');
    await deliverOutbox(ctx().deps, cbp.transport);
    const sent = await ask([synced.tag]);
    expect(sent.view?.transmissions.map((t) => t.state)).toEqual(['sent', 'sent']);
    await ingestResponses(ctx().deps, cbp.transport);
    const answered = await ask([sent.tag]);
    expect(answered.view?.trip.status).toBe('accepted');
    expect(new Set([draft, added, synced, sent, answered].map((a) => a.tag)).size).toBe(5);
    // Another company's viewer learns nothing, not even a tag.
    const other = await ctx().newCompany();
    const foreign = await appFailure(
      getFilingStatusIfChanged(ctx().deps, other.viewer, { tripId: trip.id, seen: [] }),
    );
    expect(foreign.kind).toBe('NOT_FOUND');
  });

  it("files with the operator's corrected profile (EDI_PROFILE), which a CBP reading that layout accepts", async () => {
    const base = defaultEdiProfile();
    // Codes a certification might correct: the 358's original consist type and the driver's
    // NM1 entity; the company's own sender ID and filing mode still apply.
    const corrected: EdiProfile = {
      ...base,
      consistTypes: { ...base.consistTypes, original: 'O' },
      qualifiers: { ...base.qualifiers, driver: 'DR' },
    };
    const deps = { ...ctx().deps, ediProfile: corrected };
    const company = await ctx().newCompany();
    const { trip } = await createTrip(deps, company.dispatcher, { document: tripFor(company) });
    const cbp = inProcessCbp({}, corrected);
    await syncTrip(deps, company.dispatcher, { tripId: trip.id });
    await deliverOutbox(deps, cbp.transport);
    await ingestResponses(deps, cbp.transport);
    const view = await getFilingStatus(deps, company.viewer, { tripId: trip.id });
    expect(view.trip.status).toBe('accepted');
    const consist = view.interchanges.find((i) => i.direction === 'out' && i.setId === '358');
    const { text } = await getInterchange(deps, company.viewer, {
      tripId: trip.id,
      interchangeId: consist?.id ?? '',
    });
    const body = readBackStrictly(text).body;
    expect(body.find((s) => s.tag === 'M10')?.elements.at(-1)).toBe('O');
    expect(body.find((s) => s.tag === 'NM1')?.elements[0]).toBe('DR');
    // ISA06 is still the company's (its SCAC until an admin sets the one CBP assigned).
    expect(text.slice(0, 106).split('*')[6]?.trim()).toBe(company.scac);
  });

  it('shows a shipment CBP already has on file as rejected, with the fix; the corrected SCN goes alone', async () => {
    const company = await ctx().newCompany();
    const taken = scnOf(company, 2);
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: tripFor(company, {
        shipments: [
          aShipment({ shipmentControlNumber: scnOf(company, 1) }),
          aShipment({ shipmentControlNumber: taken }),
        ],
      }),
    });
    const cbp = inProcessCbp({ shipmentsOnFile: [taken] });
    // The trips list says where CBP stands on each trip: nothing sent yet…
    const listed = async () =>
      (await listTrips(ctx().deps, company.viewer, {})).items.find((t) => t.id === trip.id)?.cbp;
    expect(await listed()).toEqual({ status: 'draft', rejectedShipments: 0 });
    await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
    expect(await listed()).toEqual({ status: 'transmitted', rejectedShipments: 0 });
    await deliverOutbox(ctx().deps, cbp.transport);
    await ingestResponses(ctx().deps, cbp.transport);
    // …the trip accepted, one of its shipments not.
    expect(await listed()).toEqual({ status: 'accepted', rejectedShipments: 1 });
    const view = await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });
    expect(view.shipments.map((s) => [s.scn, s.status])).toEqual([
      [scnOf(company, 1), 'accepted'],
      [taken, 'rejected'],
    ]);
    const reject = view.history.find((h) => h.scn === taken && h.status === 'rejected');
    expect(reject?.reasons[0]?.text).toBe('SHIPMENT ALREADY ON FILE');
    expect(reject?.reasons[0]?.explanation?.fix).toContain('new SCN');

    const stored = await ctx().deps.store.transaction((r) =>
      r.shipments.allOfTrip(company.companyId, trip.id),
    );
    const record = stored.find((s) => s.shipment.shipmentControlNumber === taken);
    await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: record?.id ?? '',
      expectedVersion: record?.version ?? 0,
      shipment: { ...record?.shipment, shipmentControlNumber: scnOf(company, 3) },
    });
    const again = await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
    expect(again.transmissions.map((t) => [t.setId, t.purpose, t.scns])).toEqual([
      ['309', 'preliminary', [scnOf(company, 3)]],
      ['358', 'update', [scnOf(company, 3)]],
    ]);
    await deliverOutbox(ctx().deps, cbp.transport);
    await ingestResponses(ctx().deps, cbp.transport);
    const fixed = await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });
    expect(fixed.shipments.find((s) => s.scn === scnOf(company, 3))?.status).toBe('accepted');
    // The rejected SCN is history now (the view keeps it); the list counts only what needs work.
    expect(await listed()).toEqual({ status: 'accepted', rejectedShipments: 0 });
  });

  it('sends a 309 update for a changed shipment and a 358 update for changed trip data, nothing else', async () => {
    const { exchange, sync, company, trip } = await setUp();
    await sync();
    await exchange();
    const [record] = await ctx().deps.store.transaction((r) =>
      r.shipments.allOfTrip(company.companyId, trip.id),
    );
    await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: record?.id ?? '',
      expectedVersion: record?.version ?? 0,
      shipment: { ...record?.shipment, orderReference: 'PO-7781' },
    });
    expect((await sync()).transmissions.map((t) => [t.setId, t.purpose])).toEqual([
      ['309', 'update'],
    ]);
    await exchange();
    const current = await ctx().deps.store.transaction((r) =>
      r.trips.findById(company.companyId, trip.id),
    );
    await updateTrip(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: current?.version ?? 0,
      document: { ...current?.document, drivers: [aDriver({ firstName: 'Marc' })], shipments: [] },
    });
    expect((await sync()).transmissions.map((t) => [t.setId, t.purpose])).toEqual([
      ['358', 'update'],
    ]);
  });

  it('unlinks a removed shipment and deletes it at CBP; a shipment added is linked', async () => {
    const { exchange, sync, status, company, trip } = await setUp({
      shipments: [],
    });
    const first = await createShipment(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      shipment: aShipment({ shipmentControlNumber: scnOf(company, 1) }),
    });
    await createShipment(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      shipment: aShipment({ shipmentControlNumber: scnOf(company, 2) }),
    });
    await sync();
    await exchange();
    await deleteShipment(ctx().deps, company.dispatcher, {
      shipmentId: first.shipment.id,
      expectedVersion: first.shipment.version,
    });
    await createShipment(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      shipment: aShipment({ shipmentControlNumber: scnOf(company, 5) }),
    });
    const result = await sync();
    expect(result.transmissions.map((t) => [t.setId, t.purpose, t.scns])).toEqual([
      ['309', 'preliminary', [scnOf(company, 5)]],
      ['358', 'update', [scnOf(company, 5), scnOf(company, 1)]],
      ['309', 'delete', [scnOf(company, 1)]],
    ]);
    await exchange();
    expect((await status()).shipments.map((s) => [s.scn, s.status])).toEqual([
      [scnOf(company, 2), 'accepted'],
      [scnOf(company, 5), 'accepted'],
      [scnOf(company, 1), 'deleted'],
    ]);
    expect((await sync()).transmissions).toEqual([]);
  });

  it("pages the shipments' statuses in the trip's order, then those taken off it, all or of one status, with the count in each", async () => {
    const { exchange, sync, status, company, trip } = await setUp({ shipments: [] });
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      await createShipment(ctx().deps, company.dispatcher, {
        tripId: trip.id,
        shipment: aShipment({ shipmentControlNumber: scnOf(company, n) }),
      });
    }
    await sync();
    await exchange();
    // Two taken off the trip (deleted at CBP by the next sync), two added and not sent yet.
    for (const n of [3, 2]) {
      const found = await findShipmentByScn(ctx().deps, company.viewer, { scn: scnOf(company, n) });
      await deleteShipment(ctx().deps, company.dispatcher, {
        shipmentId: found.id,
        expectedVersion: found.version,
      });
    }
    await sync();
    await exchange();
    for (const n of [8, 9]) {
      await createShipment(ctx().deps, company.dispatcher, {
        tripId: trip.id,
        shipment: aShipment({ shipmentControlNumber: scnOf(company, n) }),
      });
    }
    const view = await status();
    const order = [1, 4, 5, 6, 7, 8, 9, 2, 3].map((n) => scnOf(company, n));
    expect(view.shipments.map((s) => s.scn)).toEqual(order);
    expect(view.shipments.map((s) => s.status)).toEqual([
      ...Array<string>(5).fill('accepted'),
      'draft',
      'draft',
      'deleted',
      'deleted',
    ]);
    expect(view.shipments[5]?.updatedAt).toBeNull();
    expect(view.shipmentsCursor).toBeNull();
    expect(view.shipmentTotal).toBe(9);
    // In the order of the filing's life cycle, not of the rows.
    expect(view.shipmentCounts).toEqual([
      { status: 'draft', count: 2 },
      { status: 'accepted', count: 5 },
      { status: 'deleted', count: 2 },
    ]);

    const all = async (limit: number, of?: FilingStatus) => {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await listFilingShipments(ctx().deps, company.viewer, {
          tripId: trip.id,
          status: of,
          cursor,
          limit,
        });
        pages.push(page.items.map((s) => s.scn));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return pages;
    };
    // Pages end within the trip's shipments, across into those taken off, and exactly where
    // the trip's end.
    expect(await all(2)).toEqual([
      order.slice(0, 2),
      order.slice(2, 4),
      order.slice(4, 6),
      order.slice(6, 8),
      order.slice(8),
    ]);
    expect(await all(7)).toEqual([order.slice(0, 7), order.slice(7)]);
    expect((await all(500))[0]).toEqual(view.shipments.map((s) => s.scn));
    expect(await all(500, 'draft')).toEqual([[scnOf(company, 8), scnOf(company, 9)]]);
    expect(await all(1, 'deleted')).toEqual([[scnOf(company, 2)], [scnOf(company, 3)]]);
    expect((await all(3, 'accepted')).flat()).toEqual(order.slice(0, 5));
    expect(await all(500, 'rejected')).toEqual([[]]);

    // A cursor this server never gave out is refused; another company's trip is not found.
    const forged = await appFailure(
      listFilingShipments(ctx().deps, company.viewer, {
        tripId: trip.id,
        cursor: Buffer.from(JSON.stringify([2, 0, ''])).toString('base64url'),
      }),
    );
    expect(forged.issues.map((i) => [i.code, i.path])).toEqual([
      ['PAGE_CURSOR_INVALID', '/cursor'],
    ]);
    const other = await ctx().newCompany();
    const foreign = await appFailure(
      listFilingShipments(ctx().deps, other.viewer, { tripId: trip.id }),
    );
    expect(foreign.kind).toBe('NOT_FOUND');
  });

  it('sends a shipment moved between trips only once its former trip withdrew it at CBP', async () => {
    const { exchange, sync, status, company } = await setUp();
    await sync();
    await exchange();
    const { trip: second } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026112802`,
        shipments: [aShipment({ shipmentControlNumber: scnOf(company, 2) })],
      }),
    });
    const moved = await findShipmentByScn(ctx().deps, company.viewer, { scn: scnOf(company, 1) });
    await attachShipment(ctx().deps, company.dispatcher, {
      shipmentId: moved.id,
      expectedVersion: moved.version,
      tripId: second.id,
    });
    const syncSecond = () => syncTrip(ctx().deps, company.dispatcher, { tripId: second.id });
    // CBP still has it with the first trip: a filing here would be "Shipment Already on File".
    const refused = await appFailure(syncSecond());
    expect(refused.kind).toBe('INVALID_STATE');
    expect(refused.issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      [
        'FILING_SCN_ON_ANOTHER_TRIP',
        '/shipments/1/shipmentControlNumber',
        `Shipment ${scnOf(company, 1)} is still on file at CBP with trip ${company.scac}2026112801 (accepted): CBP would answer "Shipment Already on File". Sync trip ${company.scac}2026112801 first, which withdraws it there, then sync this trip.`,
      ],
    ]);
    // The first trip's sync withdraws it; then the second files it.
    expect((await sync()).transmissions.map((t) => [t.setId, t.purpose])).toContainEqual([
      '309',
      'delete',
    ]);
    await exchange();
    expect((await status()).shipments.map((s) => [s.scn, s.status])).toEqual([
      [scnOf(company, 1), 'deleted'],
    ]);
    const filed = await syncSecond();
    expect(filed.transmissions.filter((t) => t.setId === '309').flatMap((t) => t.scns)).toEqual([
      scnOf(company, 2),
      scnOf(company, 1),
    ]);
    await exchange();
    const secondStatus = await getFilingStatus(ctx().deps, company.viewer, { tripId: second.id });
    expect(secondStatus.shipments.map((s) => [s.scn, s.status])).toEqual([
      [scnOf(company, 2), 'accepted'],
      [scnOf(company, 1), 'accepted'],
    ]);
  });

  it('refuses a sync while interchanges wait in the outbox, and a trip with validation errors', async () => {
    const { sync } = await setUp();
    await sync();
    const waiting = await appFailure(sync());
    expect(waiting.kind).toBe('INVALID_STATE');
    expect(waiting.issues.map((i) => i.code)).toEqual(['FILING_IN_PROGRESS']);

    const invalid = await setUp({ drivers: [] });
    const error = await appFailure(invalid.sync());
    expect(error.kind).toBe('VALIDATION_FAILED');
    expect((await invalid.status()).transmissions).toEqual([]);
  });

  it('asks before a re-key, then deletes at CBP and files again under the new trip number', async () => {
    const { exchange, sync, status, company, trip } = await setUp();
    await sync();
    await exchange();
    const current = await ctx().deps.store.transaction((r) =>
      r.trips.findById(company.companyId, trip.id),
    );
    await updateTrip(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: current?.version ?? 0,
      document: { ...current?.document, tripNumber: `${company.scac}2026112899`, shipments: [] },
    });
    const unconfirmed = await appFailure(sync());
    expect(unconfirmed.issues.map((i) => [i.code, i.path])).toEqual([
      ['FILING_REKEY_UNCONFIRMED', '/tripNumber'],
    ]);
    const rekeyed = await sync({ rekey: true });
    expect(rekeyed.transmissions.map((t) => [t.setId, t.purpose])).toEqual([
      ['358', 'delete'],
      ['309', 'delete'],
      ['309', 'preliminary'],
      ['358', 'original'],
    ]);
    await exchange();
    expect((await status()).shipments[0]?.status).toBe('accepted');
    expect((await status()).trip.status).toBe('accepted');
  });

  it('cancels what CBP accepted, and says when there is nothing to cancel', async () => {
    const { exchange, sync, status, company, trip } = await setUp();
    const ownStatus = async () =>
      (await getTrip(ctx().deps, company.viewer, { tripId: trip.id })).status;
    const nothing = await appFailure(sync({ cancel: true }));
    expect(nothing.issues.map((i) => i.code)).toEqual(['FILING_NOTHING_TO_CANCEL']);
    for (const other of [{ resend: true }, { rekey: true }]) {
      const together = await appFailure(sync({ cancel: true, ...other }));
      expect(together.issues).toMatchObject([{ code: 'FILING_CANCEL_ALONE', path: '/cancel' }]);
    }
    expect(await ownStatus()).toBe('draft');
    await sync();
    // The trip is filed from its first sync, and the list's status filter finds it so.
    expect(await ownStatus()).toBe('filed');
    const filed = await listTrips(ctx().deps, company.viewer, { status: 'filed' });
    expect(filed.items.map((item) => item.id)).toEqual([trip.id]);
    await exchange();
    expect((await sync({ cancel: true })).transmissions.map((t) => [t.setId, t.purpose])).toEqual([
      ['358', 'delete'],
      ['309', 'delete'],
    ]);
    expect(await ownStatus()).toBe('cancelled');
    await exchange();
    const view = await status();
    expect(view.trip.status).toBe('cancelled');
    expect(view.shipments[0]?.status).toBe('deleted');
  });

  it('refuses to delete a trip CBP holds or the outbox is sending, and deletes it once cancelled', async () => {
    const { exchange, sync, company, trip } = await setUp();
    const remove = () =>
      deleteTrip(ctx().deps, company.dispatcher, {
        tripId: trip.id,
        expectedVersion: trip.version,
      });
    await sync();
    const sending = await appFailure(remove());
    expect(sending.kind).toBe('INVALID_STATE');
    expect(sending.issues.map((issue) => issue.code)).toEqual(['FILING_TRIP_ON_FILE']);
    expect(sending.issues[0]?.message).toContain(
      '2 interchange(s) of this trip wait in the outbox',
    );
    await exchange();
    const onFile = await appFailure(remove());
    expect(onFile.issues.map((issue) => issue.code)).toEqual(['FILING_TRIP_ON_FILE']);
    expect(onFile.issues[0]?.message).toContain('CBP has the trip on file (accepted)');
    // Still there, unchanged.
    expect((await getTrip(ctx().deps, company.viewer, { tripId: trip.id })).version).toBe(
      trip.version,
    );
    await sync({ cancel: true });
    await exchange();
    await remove();
    await expect(getTrip(ctx().deps, company.viewer, { tripId: trip.id })).rejects.toThrow();
  });

  it('keeps the trip version a dispatcher is editing when a sync files it', async () => {
    const { sync, exchange, company, trip } = await setUp();
    await sync();
    // The outbox is shared by every test's company: delivered, so no later test meets it.
    await exchange();
    // Saved over the version the editor loaded before the sync: no conflict, still filed.
    const { trip: saved } = await updateTrip(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: trip.version,
      document: { ...trip.document, truck: { ...trip.document.truck, number: 'T-202' } },
    });
    expect(saved.version).toBe(trip.version + 1);
    expect(saved.status).toBe('filed');
  });

  it('retries with backoff when the transport is down, and delivers once per control number after a crash', async () => {
    const { cbp, sync, status } = await setUp();
    await sync();
    const down: CbpTransport = {
      ...cbp.transport,
      send: () => Promise.reject(new TransportUnavailable('connection refused')),
    };
    expect(await deliverOutbox(ctx().deps, down)).toMatchObject({ retrying: 1 });
    expect((await status()).transmissions[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'connection refused',
    });
    // Not due yet: the backoff holds it back.
    expect(await deliverOutbox(ctx().deps, cbp.transport)).toMatchObject({ delivered: 0 });
    ctx().clock.advance(5_000);
    // The sender dies right after the transport took the 309, before recording it.
    await expect(
      deliverOutbox(ctx().deps, cbp.transport, {
        afterSend: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    ctx().clock.advance(61_000);
    const report = await deliverOutbox(ctx().deps, cbp.transport);
    // The 309 again under its control number (the simulator knew it), then the 358.
    expect(report).toMatchObject({ duplicates: 1, delivered: 1 });
    const receipts = Object.values(cbp.simulator.state.receipts);
    expect(receipts.map((r) => [r.controlNumber, r.deliveries])).toEqual([
      ['000000001', 2],
      ['000000002', 1],
    ]);
    expect(cbp.simulator.answersAfter(0, undefined).map((a) => a.setId)).toEqual([
      '997',
      '355',
      '997',
      '355',
    ]);
  });

  it('marks the trip rejected when the mailbox refuses an interchange for good, and lets the next sync resend', async () => {
    const { cbp, status, sync } = await setUp();
    await sync();
    const refusing: CbpTransport = {
      ...cbp.transport,
      send: () => Promise.resolve({ kind: 'refused', reason: 'not an interchange' }),
    };
    expect(await deliverOutbox(ctx().deps, refusing)).toMatchObject({ failed: 1 });
    const view = await status();
    expect(view.trip.status).toBe('rejected');
    expect(view.transmissions[0]).toMatchObject({
      state: 'failed',
      lastError: 'not an interchange',
    });
    expect(view.history.at(-1)?.reasons[0]?.explanation?.fix).toContain('fault of the system');
    // The 358 waits behind the failed 309 no longer; the next sync files everything again.
    await deliverOutbox(ctx().deps, cbp.transport);
    await ingestResponses(ctx().deps, cbp.transport);
    expect((await sync()).transmissions.map((t) => t.purpose)).toEqual(['preliminary', 'original']);
    // The outbox serves every company: leave nothing queued for the next test's simulator.
    await deliverOutbox(ctx().deps, cbp.transport);
  });

  it('shows a 997 rejection of the envelope with the segment named, and the next sync repairs it', async () => {
    const { cbp, status, sync, company } = await setUp();
    await sync();
    // A carrier between us and CBP that damaged the first interchange's SE count.
    const damaging: CbpTransport = {
      ...cbp.transport,
      send: (text) => cbp.transport.send(text.replace(/SE\*\d+\*0001/, 'SE*99*0001')),
    };
    await deliverOutbox(ctx().deps, damaging);
    await ingestResponses(ctx().deps, damaging);
    const view = await status();
    // The 358 went through: CBP has the trip, without the shipment it could not link.
    expect(view.trip.status).toBe('accepted');
    expect(view.shipments).toEqual([
      expect.objectContaining({ scn: scnOf(company, 1), status: 'rejected' }),
    ]);
    const reject = view.history.find((h) => h.detail['event'] === '997');
    expect(reject?.reasons[0]?.text).toContain('segment SE');
    expect((await sync()).transmissions.map((t) => [t.setId, t.purpose])).toEqual([
      ['309', 'preliminary'],
      ['358', 'update'],
    ]);
    await deliverOutbox(ctx().deps, cbp.transport);
    await ingestResponses(ctx().deps, cbp.transport);
    expect((await status()).shipments[0]?.status).toBe('accepted');
  });

  it('sends no change of a shipment CBP holds while its trip is not yet arrived', async () => {
    const { company, exchange, sync, status } = await setUp();
    await sync();
    await exchange();
    const scn = scnOf(company, 1);
    // As a 350 hold (1H) on the shipment alone leaves it (ingest-responses.ts).
    await ctx().deps.store.transaction(async (repos) => {
      const [held] = await repos.filing.statusesOfScns(company.companyId, [scn]);
      if (held === undefined) throw new Error('no state for the shipment');
      await repos.filing.changeStates([
        { ...held, companyId: company.companyId, status: 'on-hold', effect: 'status' },
      ]);
    });
    const shipment = await findShipmentByScn(ctx().deps, company.viewer, { scn });
    await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipment.id,
      expectedVersion: shipment.version,
      shipment: { ...shipment.shipment, orderReference: 'CHANGED-WHILE-HELD' },
    });
    const refused = await appFailure(sync());
    expect(refused.issues.map((issue) => [issue.code, issue.message])).toEqual([
      [
        'FILING_SHIPMENT_AT_BORDER',
        `CBP reported shipment ${scn} on hold: it can no longer be changed at CBP; undo the change.`,
      ],
    ]);
    const view = await status();
    expect(view.trip.status).toBe('accepted');
    expect(view.transmissions).toHaveLength(2);
  });

  it('follows a hold: on hold, then back to arrived when removed, then released', async () => {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: tripFor(company),
    });
    const cbp = inProcessCbp({
      holds: [{ scn: scnOf(company, 1), placed: 61, removed: 70, remark: 'EXAM' }],
    });
    await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
    const step = async (minutes: number) => {
      cbp.passMinutes(minutes);
      await deliverOutbox(ctx().deps, cbp.transport);
      await ingestResponses(ctx().deps, cbp.transport);
      const view = await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });
      return view.shipments[0]?.status;
    };
    expect(await step(0)).toBe('accepted');
    expect(await step(61)).toBe('on-hold');
    // Held at the border, the shipment can no longer be deleted: a delete would not withdraw it.
    const held = await findShipmentByScn(ctx().deps, company.viewer, { scn: scnOf(company, 1) });
    const remove = () =>
      deleteShipment(ctx().deps, company.dispatcher, {
        shipmentId: held.id,
        expectedVersion: held.version,
      });
    const refused = await appFailure(remove());
    expect(refused.kind).toBe('INVALID_STATE');
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'FILING_SHIPMENT_AT_BORDER',
        message: `CBP reported shipment ${scnOf(company, 1)} on hold: a delete can no longer withdraw the shipment at CBP, so it stays where it is, as the record of what crossed.`,
      }),
    ]);
    expect(await step(9)).toBe('arrived');
    expect(await step(1)).toBe('released');
    expect((await appFailure(remove())).issues[0]?.message).toContain('released');
    expect(
      (await findShipmentByScn(ctx().deps, company.viewer, { scn: scnOf(company, 1) })).id,
    ).toBe(held.id);
  });

  it('applies the 350s of one batch in order, each seeing what the ones before it set', async () => {
    const { company, trip, exchange, status, sync } = await setUp();
    await sync();
    await exchange();
    const senderId = await ctx().deps.store.transaction((repos) =>
      repos.filing.senderId(company.companyId, 'UNUSED', new Date().toISOString()),
    );
    const scn = scnOf(company, 1);
    const answer = (controlNumber: number, lines: { scn: string; code: string }[]) =>
      a350({ scac: company.scac, tripNumber: trip.tripNumber }, lines, {
        controlNumber,
        to: senderId,
        at: new Date('2026-11-28T17:05:00Z'),
      });
    const texts = [
      answer(901, [
        { scn, code: '02' },
        { scn: scnOf(company, 99), code: '02' },
      ]),
      answer(902, [{ scn, code: '1H' }]),
      answer(903, [{ scn, code: '1I' }]),
      // A second hold on the same trip, after the shipment arrived: its removal sees the
      // arrival that an interchange of this batch recorded after the first removal.
      answer(904, [{ scn, code: '19' }]),
      answer(905, [{ scn, code: '1H' }]),
      answer(906, [{ scn, code: '1I' }]),
    ];
    const batch: CbpTransport = {
      name: `batch-${crypto.randomUUID()}`,
      send: () => Promise.resolve({ kind: 'delivered' }),
      receive: (cursor) =>
        Promise.resolve(
          cursor === '6'
            ? { messages: [], cursor }
            : { messages: texts.map((text, i) => ({ ref: String(i), text })), cursor: '6' },
        ),
      settle: () => Promise.resolve(),
    };
    // The SCN that is none of ours flags its interchange; the others apply.
    expect(await ingestResponses(ctx().deps, batch)).toEqual({ messages: 6, flagged: 1 });
    const view = await status();
    // Each hold removed goes back to where the shipment was before it: entry on file, then
    // arrived.
    expect(view.shipments[0]?.status).toBe('arrived');
    const ofScn = view.history.filter((h) => h.scn === scn);
    expect(ofScn.map((h) => h.detail['dispositionCode'] ?? h.status)).toEqual([
      'transmitted',
      'accepted',
      'accepted',
      '02',
      '1H',
      '1I',
      '19',
      '1H',
      '1I',
    ]);
    expect(ofScn.slice(3).map((h) => h.status)).toEqual([
      'entry-on-file',
      'on-hold',
      'entry-on-file',
      'arrived',
      'on-hold',
      'arrived',
    ]);
  });

  it('stores the answers once when two instances read the same batch at the same time', async () => {
    const { cbp, status, sync } = await setUp();
    await sync();
    await deliverOutbox(ctx().deps, cbp.transport);
    const reports = await Promise.all([
      ingestResponses(ctx().deps, cbp.transport),
      ingestResponses(ctx().deps, cbp.transport),
    ]);
    expect(reports.map((r) => r.messages).sort()).toEqual([0, 4]);
    const view = await status();
    expect(view.interchanges.filter((i) => i.direction === 'in')).toHaveLength(4);
    expect(view.trip.status).toBe('accepted');
  });

  it('archives an answer it cannot read, flagged, and one for nobody, never dropping either', async () => {
    const { company, trip } = await setUp();
    const texts = ['this is not X12', ''];
    const garbage: CbpTransport = {
      name: `garbage-${crypto.randomUUID()}`,
      send: () => Promise.resolve({ kind: 'delivered' }),
      receive: () =>
        Promise.resolve({
          messages: [
            { ref: '1', text: texts[0] ?? '' },
            {
              ref: '2',
              text: 'ISA*00*          *00*          *ZZ*USCSACE        *ZZ*NOBODY         *261128*1205*U*00401*000000501*0*T*>~GS*FA*USCSACE*NOBODY*20261128*1205*501*X*004060USCBP~ST*997*0501~AK1*AQ*1~AK9*A*1*1*1~SE*4*0501~GE*1*501~IEA*1*000000501~',
            },
          ],
          cursor: '2',
        }),
      settle: () => Promise.resolve(),
    };
    expect(await ingestResponses(ctx().deps, garbage)).toEqual({ messages: 2, flagged: 2 });
    const kept = await ctx()
      .db.selectFrom('interchange_archive')
      .select(['text', 'problem', 'company_id'])
      .where('direction', '=', 'in')
      .where('company_id', 'is', null)
      .where('text', 'in', ['this is not X12'])
      .execute();
    expect(kept).toHaveLength(1);
    expect(kept[0]?.problem).toContain('no company');
    const other = await ctx().newCompany();
    const error = await appFailure(getFilingStatus(ctx().deps, other.viewer, { tripId: trip.id }));
    expect(error.kind).toBe('NOT_FOUND');
    expect(
      (await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id })).trip.status,
    ).toBe('draft');
  });
  it('sends again what CBP never acknowledged, 30 minutes after sending, and only then', async () => {
    const { cbp, company, status, sync } = await setUp();
    const sent = await sync();
    expect(sent.transmissions.map((t) => t.controlNumber)).toEqual([1, 2]);
    // Handed over, and lost on the way: CBP never sees them, so no 997 and no 355 come back.
    const losing: CbpTransport = {
      ...cbp.transport,
      send: () => Promise.resolve({ kind: 'delivered' }),
    };
    await deliverOutbox(ctx().deps, losing);
    await ingestResponses(ctx().deps, cbp.transport);
    const waiting = await appFailure(sync());
    expect(waiting.issues[0]).toMatchObject({ code: 'FILING_IN_PROGRESS' });
    expect(waiting.issues[0]?.message).toContain('send it again (resend)');
    const tooSoon = await appFailure(sync({ resend: true }));
    expect(tooSoon.issues.map((i) => i.code)).toEqual(['FILING_RESEND_TOO_SOON']);
    const waitingView = await status();
    expect(waitingView.trip.status).toBe('transmitted');
    // The view says from when it may be sent again: 30 minutes after it was sent.
    const sentAt = waitingView.transmissions.at(-1)?.sentAt ?? '';
    expect(waitingView.resendFrom).toBe(new Date(Date.parse(sentAt) + 30 * 60_000).toISOString());

    ctx().clock.advance(31 * 60_000);
    const again = await sync({ resend: true });
    // The same filing, under new control numbers.
    expect(again.transmissions.map((t) => [t.setId, t.purpose, t.controlNumber])).toEqual([
      ['309', 'preliminary', 3],
      ['358', 'original', 4],
    ]);
    const view = await status();
    expect(view.trip.status).toBe('transmitted');
    expect(view.history.filter((h) => h.detail['event'] === 'no-answer')).toHaveLength(2);
    // Answered this time: accepted as usual.
    await deliverOutbox(ctx().deps, cbp.transport);
    await ingestResponses(ctx().deps, cbp.transport);
    expect((await status()).trip.status).toBe('accepted');
    expect((await status()).resendFrom).toBeNull();
    expect((await status()).shipments[0]).toMatchObject({
      scn: scnOf(company, 1),
      status: 'accepted',
    });
  });

  it('never sends again an interchange CBP acknowledged (997): its answer is still to come', async () => {
    const { cbp, company, trip, sync } = await setUp();
    await sync();
    await deliverOutbox(ctx().deps, cbp.transport);
    // The 997 of the first interchange, as ingestResponses records it; no 355 yet.
    await ctx().deps.store.transaction((repos) =>
      repos.filing.appendHistory([
        {
          companyId: company.companyId,
          tripId: trip.id,
          scn: '',
          status: 'transmitted',
          at: ctx().clock.now().toISOString(),
          detail: { event: '997', controlNumber: 1, accepted: true, reasons: [] },
          archiveId: null,
        },
      ]),
    );
    ctx().clock.advance(31 * 60_000);
    expect(
      (await getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id })).resendFrom,
    ).toBeNull();
    const refused = await appFailure(sync({ resend: true }));
    expect(refused.issues.map((i) => i.code)).toEqual(['FILING_RESEND_ACKNOWLEDGED']);
    expect(refused.issues[0]?.message).toContain('interchange 1 (997)');
  });
});
