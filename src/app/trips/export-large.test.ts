/**
 * Exports of a large trip, JSON and CSV, are written a page at a time into a file, each page in
 * a transaction of its own (shared/paged-export.ts): they do not wait for the large work of the
 * process (app/shared/large-work.ts), give what the trip held whole gives, and are written again
 * when the trip changed meanwhile.
 */
import { text } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import { exportedCsv, exportedTrip } from '../../../test/exports.js';
import { aShipment, aTrip } from '../../../test/builders.js';
import { holdLargeTurn } from '../../../test/large-turn.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import type { Shipment } from '../../domain/index.js';
import { shipmentCsv } from '../../csv/index.js';
import { exportTrip, importDocument, updateShipment } from '../index.js';
import type { AppDeps } from '../shared/deps.js';
import { LARGE_WORK_SHIPMENTS } from '../shared/large-work.js';
import { LIST_PAGE } from '../shared/page-size.js';
import { assembleTripDocument } from '../shared/trip-documents.js';

describeOnDatabases('exports of a large trip', (ctx) => {
  const imported = async (
    company: Awaited<ReturnType<ReturnType<typeof ctx>['newCompany']>>,
    tripNumber: string,
    count: number,
  ): Promise<string> => {
    const { shipmentControlNumber: _generated, ...shipment } = aShipment();
    const result = await importDocument(ctx().deps, company.dispatcher, {
      json: aTrip({
        tripNumber,
        shipments: Array.from({ length: count }, (_, n) => ({
          ...shipment,
          orderReference: `ORDER-${String(n)}`,
        })),
      }),
    });
    if (result.kind !== 'trip') throw new Error('a trip was expected');
    return result.trip.id;
  };

  it('JSON and CSV: pages of a large trip, without waiting for the large work', async () => {
    const company = await ctx().newCompany();
    const count = Math.max(LARGE_WORK_SHIPMENTS, LIST_PAGE.max * 2 + 7);
    const large = await imported(company, `${company.scac}LRG1`, count);

    // Both answer while a large piece of work holds its turn.
    const held = holdLargeTurn();
    const exported = async () => ({
      document: (await exportedTrip(ctx().deps, company.viewer, { tripId: large })).document,
      csv: await exportedCsv(ctx().deps, company.viewer, { tripId: large }),
    });
    const { document, csv } = await exported().finally(() => {
      held.release();
    });
    await held.done;

    const records = await ctx().deps.store.transaction(async (repos) => ({
      trip: await repos.trips.findById(company.companyId, large),
      shipments: await repos.shipments.allOfTrip(company.companyId, large),
    }));
    if (records.trip === undefined) throw new Error('the trip was expected');
    expect(document.shipments).toHaveLength(count);
    expect(JSON.stringify(document)).toBe(
      JSON.stringify(assembleTripDocument(records.trip, records.shipments)),
    );
    expect(csv).toBe(shipmentCsv(records.shipments.map((record) => record.shipment)));
  });

  it('is written again when a shipment changed while its pages were read', async () => {
    const company = await ctx().newCompany();
    const tripId = await imported(company, `${company.scac}LRG2`, LIST_PAGE.max + 3);
    const { deps } = ctx();
    const first = await deps.store.transaction((repos) =>
      repos.shipments.list(company.companyId, { tripId }, { limit: 1 }),
    );
    const edited = first.items[0];
    if (edited === undefined) throw new Error('a shipment was expected');
    // After the first page is read, the first shipment is edited once.
    let transactions = 0;
    let editing: Promise<unknown> | undefined;
    const meddling: AppDeps = {
      ...deps,
      store: {
        async transaction(work, options) {
          const result = await deps.store.transaction(work, options);
          transactions += 1;
          if (transactions === 2) {
            editing = updateShipment(deps, company.dispatcher, {
              shipmentId: edited.id,
              expectedVersion: edited.version,
              shipment: { ...edited.shipment, orderReference: 'EDITED' } satisfies Shipment,
            });
            await editing;
          }
          return result;
        },
      },
    };
    const file = await exportTrip(meddling, company.viewer, { tripId });
    await editing;
    const document = JSON.parse(await text(file.open())) as { shipments: Shipment[] };
    expect(document.shipments[0]?.orderReference).toBe('EDITED');
    expect(document.shipments).toHaveLength(LIST_PAGE.max + 3);
    // Written twice (the states before and after the first file differed): the state before,
    // two pages and the state after; then two pages and the state after again.
    expect(transactions).toBe(4 + 3);
  });

  it('is refused with CONFLICT when the trip changed during each of three writes', async () => {
    const company = await ctx().newCompany();
    const tripId = await imported(company, `${company.scac}LRG3`, LIST_PAGE.max + 3);
    const { deps } = ctx();
    let version = 1;
    const restless: AppDeps = {
      ...deps,
      store: {
        async transaction(work, options) {
          const result = await deps.store.transaction(work, options);
          // After every read of a page of shipments, the trip's first shipment is edited.
          if (Array.isArray((result as { items?: unknown }).items)) {
            const page = await deps.store.transaction((repos) =>
              repos.shipments.list(company.companyId, { tripId }, { limit: 1 }),
            );
            const first = page.items[0];
            if (first !== undefined) {
              await updateShipment(deps, company.dispatcher, {
                shipmentId: first.id,
                expectedVersion: first.version,
                shipment: { ...first.shipment, orderReference: `EDIT-${String(version)}` },
              });
              version += 1;
            }
          }
          return result;
        },
      },
    };
    await expect(exportTrip(restless, company.viewer, { tripId })).rejects.toMatchObject({
      kind: 'CONFLICT',
      message: expect.stringContaining(`${company.scac}LRG3`) as unknown,
    });
  });
});
