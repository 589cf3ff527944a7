/**
 * Exports of a large trip hold it whole, so they take turns with the other large work of the
 * process (lead sheets, other exports: app/shared/large-work.ts); a small trip's export does
 * not wait.
 */
import { expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { exportShipmentsCsv, exportTrip, importDocument } from '../index.js';
import { inTurnWhenLarge, LARGE_WORK_SHIPMENTS } from '../shared/large-work.js';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describeOnDatabases('exports of a large trip', (ctx) => {
  it('wait for the large work before them; a small trip’s do not', async () => {
    const company = await ctx().newCompany();
    const { shipmentControlNumber: _generated, ...shipment } = aShipment();
    const imported = async (tripNumber: string, count: number) => {
      const result = await importDocument(ctx().deps, company.dispatcher, {
        json: aTrip({ tripNumber, shipments: Array.from({ length: count }, () => shipment) }),
      });
      if (result.kind !== 'trip') throw new Error('a trip was expected');
      return result.trip.id;
    };
    const large = await imported(`${company.scac}LRG1`, LARGE_WORK_SHIPMENTS);
    const small = await imported(`${company.scac}SML1`, 2);

    let finish = (): void => undefined;
    const held = inTurnWhenLarge(
      LARGE_WORK_SHIPMENTS,
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const done: string[] = [];
    const json = exportTrip(ctx().deps, company.viewer, { tripId: large }).then(() =>
      done.push('json'),
    );
    const csv = exportShipmentsCsv(ctx().deps, company.viewer, { tripId: large }).then(() =>
      done.push('csv'),
    );
    await exportTrip(ctx().deps, company.viewer, { tripId: small });
    await settle();
    expect(done).toEqual([]);
    finish();
    await held;
    await Promise.all([json, csv]);
    expect([...done].sort()).toEqual(['csv', 'json']);
  });
});
