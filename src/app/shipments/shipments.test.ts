import { expect, it } from 'vitest';
import { exportedTrip } from '../../../test/exports.js';
import { aCommodity, aShipment, aTrip } from '../../../test/builders.js';
import { appFailure } from '../../../test/storage-failure.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import {
  attachShipment,
  createShipment,
  createTrip,
  deleteShipment,
  deleteTrip,
  getShipment,
  importDocument,
  listShipments,
  updateShipment,
} from '../index.js';
import { shipmentsIn } from '../shared/lookups.js';
import { LIST_PAGE } from '../shared/page-size.js';

describeOnDatabases('shipments', (ctx) => {
  it('generates the next SCN from the company sequence: SCAC + 10 digits', async () => {
    const company = await ctx().newCompany();
    const first = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: undefined }),
    });
    const second = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}AUTOFILL` }),
    });
    expect(first.shipment.shipment.shipmentControlNumber).toBe(`${company.scac}0000000001`);
    expect(second.shipment.shipment.shipmentControlNumber).toBe(`${company.scac}0000000002`);
  });

  it('refuses an SCN already used, even after its shipment was deleted', async () => {
    const company = await ctx().newCompany();
    const scn = `${company.scac}55555`;
    const { shipment } = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: scn }),
    });
    await deleteShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipment.id,
      expectedVersion: 1,
    });
    const error = await appFailure(
      createShipment(ctx().deps, company.dispatcher, {
        tripId: null,
        shipment: aShipment({ shipmentControlNumber: scn }),
      }),
    );
    expect(error.kind).toBe('CONFLICT');
    expect(error.issues[0]).toMatchObject({
      code: 'SHIPMENT_SCN_ALREADY_USED',
      path: '/shipmentControlNumber',
    });
    // The generator also steps over it.
    await ctx().deps.store.transaction(async (repos) => {
      expect((await repos.scns.used(company.companyId, [scn])).has(scn)).toBe(true);
    });
  });

  it('lets a shipment keep its own SCN across edits, and leaves the old one used on change', async () => {
    const company = await ctx().newCompany();
    const { shipment } = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}A1` }),
    });
    const renamed = await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipment.id,
      expectedVersion: 1,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}A2` }),
    });
    const back = await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipment.id,
      expectedVersion: 2,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}A1` }),
    });
    expect(renamed.shipment.version).toBe(2);
    expect(back.shipment.shipment.shipmentControlNumber).toBe(`${company.scac}A1`);
    const other = await appFailure(
      createShipment(ctx().deps, company.dispatcher, {
        tripId: null,
        shipment: aShipment({ shipmentControlNumber: `${company.scac}A2` }),
      }),
    );
    expect(other.kind).toBe('CONFLICT');
  });

  it('refuses a stale shipment edit and writes nothing', async () => {
    const company = await ctx().newCompany();
    const { shipment } = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: undefined }),
    });
    await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipment.id,
      expectedVersion: 1,
      shipment: { ...shipment.shipment, provinceOfLoading: 'QC' },
    });
    const error = await appFailure(
      updateShipment(ctx().deps, company.dispatcher, {
        shipmentId: shipment.id,
        expectedVersion: 1,
        shipment: {
          ...shipment.shipment,
          provinceOfLoading: 'BC',
          shipmentControlNumber: `${company.scac}NEW1`,
        },
      }),
    );
    expect(error.kind).toBe('STALE_VERSION');
    const stored = await getShipment(ctx().deps, company.viewer, { shipmentId: shipment.id });
    expect(stored.shipment.provinceOfLoading).toBe('QC');
    // The SCN of the refused write was not claimed either.
    await ctx().deps.store.transaction(async (repos) => {
      expect((await repos.scns.used(company.companyId, [`${company.scac}NEW1`])).size).toBe(0);
    });
  });

  it('attaches an unassociated shipment to a trip and detaches it again', async () => {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({ tripNumber: `${company.scac}0100`, shipments: [] }),
    });
    const { shipment } = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({
        shipmentControlNumber: undefined,
        commodities: [aCommodity(), aCommodity({ description: 'Maple syrup' })],
      }),
    });
    const attached = await attachShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipment.id,
      expectedVersion: 1,
      tripId: trip.id,
    });
    expect(attached.shipment.tripId).toBe(trip.id);
    const exported = await exportedTrip(ctx().deps, company.viewer, {
      tripId: trip.id,
      includeHistory: true,
    });
    expect(exported.document.shipments?.[0]?.commodities?.[1]?.description).toBe('Maple syrup');
    expect(exported.history?.map((e) => `${e.entityType}:${e.action}`)).toEqual([
      'trip:create',
      'shipment:attach',
    ]);
    await attachShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipment.id,
      expectedVersion: 2,
      tripId: null,
    });
    expect(
      (await listShipments(ctx().deps, company.viewer, { tripId: trip.id })).items,
    ).toHaveLength(0);
    expect(
      (await listShipments(ctx().deps, company.viewer, { tripId: null })).items.map((s) => s.id),
    ).toEqual([shipment.id]);
  });

  it('keeps the shipments of a deleted trip, as unassociated shipments', async () => {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}0200`,
        shipments: [
          aShipment({ shipmentControlNumber: `${company.scac}0200000001` }),
          aShipment({ shipmentControlNumber: `${company.scac}0200000002` }),
        ],
      }),
    });
    await deleteTrip(ctx().deps, company.dispatcher, { tripId: trip.id, expectedVersion: 1 });
    const unassociated = await listShipments(ctx().deps, company.viewer, { tripId: null });
    expect(unassociated.items.map((s) => s.shipment.shipmentControlNumber)).toEqual([
      `${company.scac}0200000001`,
      `${company.scac}0200000002`,
    ]);
    expect(unassociated.items.every((s) => s.tripId === null && s.version === 2)).toBe(true);
  });

  it('moves a large deleted trip’s shipments a step at a time, after the unassociated ones', async () => {
    const company = await ctx().newCompany();
    const { shipment: already } = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: undefined }),
    });
    const count = LIST_PAGE.max * 2 + 3;
    const { shipmentControlNumber: _generated, ...shipment } = aShipment();
    const imported = await importDocument(ctx().deps, company.dispatcher, {
      json: aTrip({
        tripNumber: `${company.scac}0201`,
        shipments: Array.from({ length: count }, (_, n) => ({
          ...shipment,
          orderReference: `ORDER-${String(n)}`,
        })),
      }),
    });
    if (imported.kind !== 'trip') throw new Error('a trip was expected');
    await deleteTrip(ctx().deps, company.dispatcher, {
      tripId: imported.trip.id,
      expectedVersion: 1,
    });
    const { unassociated, history } = await ctx().deps.store.transaction(async (repos) => ({
      unassociated: await shipmentsIn(repos, company.companyId, null),
      history: await repos.audit.listForTrip(company.companyId, imported.trip.id, {
        afterSeq: 0,
        limit: LIST_PAGE.max * 10,
      }),
    }));
    expect(unassociated.map((record) => record.id)).toEqual([
      already.id,
      ...imported.shipments.map((record) => record.id),
    ]);
    expect(unassociated.slice(1).map((record) => record.shipment.orderReference)).toEqual(
      Array.from({ length: count }, (_, n) => `ORDER-${String(n)}`),
    );
    expect(new Set(unassociated.slice(1).map((record) => record.version))).toEqual(new Set([2]));
    expect(new Set(unassociated.map((record) => record.position)).size).toBe(count + 1);
    const detached = history.filter((entry) => entry.action === 'detach');
    expect(detached.map((entry) => entry.entityId)).toEqual(
      imported.shipments.map((record) => record.id),
    );
    expect(detached[count - 1]).toMatchObject({
      before: {
        tripId: imported.trip.id,
        shipment: { orderReference: `ORDER-${String(count - 1)}` },
      },
      after: { tripId: null, shipment: { orderReference: `ORDER-${String(count - 1)}` } },
    });
  });

  it('records who changed what, before and after, in the same transaction', async () => {
    const company = await ctx().newCompany();
    const { shipment } = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: undefined, provinceOfLoading: 'ON' }),
    });
    await updateShipment(ctx().deps, company.dispatcher, {
      shipmentId: shipment.id,
      expectedVersion: 1,
      shipment: { ...shipment.shipment, provinceOfLoading: 'QC' },
    });
    const history = await ctx().deps.store.transaction((repos) =>
      repos.audit.listForEntity(company.companyId, 'shipment', shipment.id),
    );
    expect(history.map((e) => e.action)).toEqual(['create', 'update']);
    const update = history[1];
    expect(update).toMatchObject({
      actorUserId: company.dispatcher.kind === 'user' ? company.dispatcher.userId : null,
      actorTokenId: null,
      at: ctx().clock.now().toISOString(),
      before: { shipment: { provinceOfLoading: 'ON' } },
      after: { shipment: { provinceOfLoading: 'QC' } },
    });
  });

  it('pages through a large trip without gaps or repeats while it changes', async () => {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}0200`,
        shipments: Array.from({ length: 120 }, () =>
          aShipment({ shipmentControlNumber: undefined }),
        ),
      }),
    });
    const all = await ctx().deps.store.transaction((repos) =>
      repos.shipments.allOfTrip(company.companyId, trip.id),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listShipments(ctx().deps, company.viewer, {
        tripId: trip.id,
        limit: 25,
        cursor,
      });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
      if (++pages === 2) {
        // A shipment already seen is deleted and one is added: later pages neither skip nor repeat.
        const gone = all[0];
        if (gone !== undefined)
          await deleteShipment(ctx().deps, company.dispatcher, {
            shipmentId: gone.id,
            expectedVersion: 1,
          });
        await createShipment(ctx().deps, company.dispatcher, {
          tripId: trip.id,
          shipment: aShipment({ shipmentControlNumber: undefined }),
        });
      }
    } while (cursor !== undefined);
    expect(seen).toHaveLength(121);
    expect(new Set(seen).size).toBe(121);
    expect(seen.slice(0, 120)).toEqual(all.map((s) => s.id));
  });

  it('filters a trip’s shipments by SCN or party name', async () => {
    const company = await ctx().newCompany();
    await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}F100` }),
    });
    await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({
        shipmentControlNumber: `${company.scac}F200`,
        consignee: { name: 'Empire_State 100% Foods' },
      }),
    });
    const byScn = await listShipments(ctx().deps, company.viewer, { tripId: null, text: 'f100' });
    expect(byScn.items.map((s) => s.shipment.shipmentControlNumber)).toEqual([
      `${company.scac}F100`,
    ]);
    // LIKE wildcards in the query are taken literally.
    const literal = await listShipments(ctx().deps, company.viewer, {
      tripId: null,
      text: '_state 100%',
    });
    expect(literal.items).toHaveLength(1);
    expect(
      (await listShipments(ctx().deps, company.viewer, { tripId: null, text: '%' })).items,
    ).toHaveLength(1);
  });

  it('returns shipment issues relative to the shipment, and saves the draft anyway', async () => {
    const company = await ctx().newCompany();
    const result = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: { shipmentControlNumber: undefined, commodities: [{}] },
    });
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.every((i) => !i.path.startsWith('/shipments'))).toBe(true);
    const stored = await getShipment(ctx().deps, company.viewer, {
      shipmentId: result.shipment.id,
    });
    expect(stored.shipment.commodities).toEqual([{}]);
  });

  it('hands out distinct SCNs to concurrent writers, and lets one of two racing edits win', async () => {
    const company = await ctx().newCompany();
    const created = await Promise.all(
      Array.from({ length: 8 }, () =>
        createShipment(ctx().deps, company.dispatcher, {
          tripId: null,
          shipment: aShipment({ shipmentControlNumber: undefined }),
        }),
      ),
    );
    const scns = created.map((r) => r.shipment.shipment.shipmentControlNumber);
    expect(new Set(scns).size).toBe(8);
    const target = created[0]?.shipment;
    if (target === undefined) throw new Error('no shipment');
    const results = await Promise.allSettled(
      ['QC', 'BC'].map((province) =>
        updateShipment(ctx().deps, company.dispatcher, {
          shipmentId: target.id,
          expectedVersion: 1,
          shipment: { ...target.shipment, provinceOfLoading: province },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const stored = await getShipment(ctx().deps, company.viewer, { shipmentId: target.id });
    expect(stored.version).toBe(2);
  });
});
