import { expect, it } from 'vitest';
import { exportedTrip } from '../../../test/exports.js';
import { aCommodity, aDriver, aShipment, aTrip } from '../../../test/builders.js';
import { appFailure } from '../../../test/storage-failure.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { parseManifestDocument, type TripDocument } from '../../domain/index.js';
import { createShipment, importDocument, listShipments, listTrips, updateTrip } from '../index.js';
import { omitKeys } from '../shared/omit-keys.js';

/** The document as the domain schema hands it over: same content, the schema's key order. */
function canonical(document: TripDocument): TripDocument {
  const parsed = parseManifestDocument(document);
  if (!parsed.ok || parsed.document.data !== 'ACE_TRIP') throw new Error('not a trip document');
  return parsed.document;
}

function richTrip(scac: string): TripDocument {
  return aTrip({
    tripNumber: `${scac}2026112801`,
    // The commercial API's reference to its saved driver profile is kept, and exported as given.
    drivers: [aDriver({ driverNumber: 'D-0042' })],
    passengers: [aDriver({ firstName: 'Élise', fastCardNumber: undefined })],
    instrumentsOfInternationalTraffic: [{ type: 'EC', quantity: 12, description: 'Pallets' }],
    shipments: [
      aShipment({ shipmentControlNumber: `${scac}000000000101` }),
      aShipment({
        shipmentControlNumber: `${scac}000000000102`,
        type: 'IN_BOND',
        inBond: { number: '123456789', type: '61', destinationPort: '3901' },
        commodities: [
          aCommodity({
            hazmat: {
              unNumber: '1203',
              emergencyContact: { name: 'CHEMTREC', phone: '18004249300' },
            },
          }),
          aCommodity({ marksAndNumbers: [], value: 0.5 }),
        ],
      }),
    ],
  });
}

describeOnDatabases('import and export', (ctx) => {
  it('gives back exactly the document it stored (lossless round trip)', async () => {
    const company = await ctx().newCompany();
    const document = richTrip(company.scac);
    const imported = await importDocument(ctx().deps, company.dispatcher, {
      json: structuredClone(document),
    });
    if (imported.kind !== 'trip') throw new Error('expected a trip');
    const exported = await exportedTrip(ctx().deps, company.viewer, { tripId: imported.trip.id });
    expect(exported.document).toEqual(document);
    // Byte for byte once in the schema's canonical key order: exporting again changes nothing.
    expect(JSON.stringify(exported.document)).toBe(JSON.stringify(canonical(document)));
    const again = await importDocument(ctx().deps, company.dispatcher, {
      json: { ...exported.document, tripNumber: `${company.scac}R2`, shipments: [] },
    });
    if (again.kind !== 'trip') throw new Error('expected a trip');
    const second = await exportedTrip(ctx().deps, company.viewer, { tripId: again.trip.id });
    expect(Object.keys(second.document)).toEqual(Object.keys(exported.document));
  });

  it('round-trips a trip without a shipments key, and one with an empty list', async () => {
    const company = await ctx().newCompany();
    for (const document of [
      { data: 'ACE_TRIP', tripNumber: `${company.scac}3001`, usPortOfArrival: '0901' },
      {
        data: 'ACE_TRIP',
        tripNumber: `${company.scac}3002`,
        shipments: [],
        usPortOfArrival: '0901',
      },
    ] as TripDocument[]) {
      const imported = await importDocument(ctx().deps, company.dispatcher, { json: document });
      if (imported.kind !== 'trip') throw new Error('expected a trip');
      const { document: out } = await exportedTrip(ctx().deps, company.viewer, {
        tripId: imported.trip.id,
      });
      expect(out).toEqual(document);
      expect('shipments' in out).toBe('shipments' in document);
    }
  });

  it('keeps the shipments where they were after the trip is edited and one is added', async () => {
    const company = await ctx().newCompany();
    const document = richTrip(company.scac);
    const imported = await importDocument(ctx().deps, company.dispatcher, { json: document });
    if (imported.kind !== 'trip') throw new Error('expected a trip');
    const fields = omitKeys(document, 'shipments');
    await updateTrip(ctx().deps, company.dispatcher, {
      tripId: imported.trip.id,
      expectedVersion: 1,
      document: { ...fields, usPortOfArrival: '0115' },
    });
    await createShipment(ctx().deps, company.dispatcher, {
      tripId: imported.trip.id,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}000000000103` }),
    });
    const { document: out } = await exportedTrip(ctx().deps, company.viewer, {
      tripId: imported.trip.id,
    });
    expect(Object.keys(out)).toEqual(Object.keys(canonical(document)));
    expect(out.shipments?.map((s) => s.shipmentControlNumber)).toEqual([
      `${company.scac}000000000101`,
      `${company.scac}000000000102`,
      `${company.scac}000000000103`,
    ]);
  });

  it('writes nothing when one SCN of the document is already used, and says which', async () => {
    const company = await ctx().newCompany();
    await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}000000000102` }),
    });
    const error = await appFailure(
      importDocument(ctx().deps, company.dispatcher, { json: richTrip(company.scac) }),
    );
    expect(error.kind).toBe('CONFLICT');
    expect(error.issues.map((i) => i.path)).toEqual(['/shipments/1/shipmentControlNumber']);
    expect((await listTrips(ctx().deps, company.viewer, {})).items).toHaveLength(0);
    // The first shipment's SCN was not claimed by the failed import.
    await ctx().deps.store.transaction(async (repos) => {
      expect((await repos.scns.used(company.companyId, [`${company.scac}000000000101`])).size).toBe(
        0,
      );
    });
  });

  it('reports SCNs repeated inside one document', async () => {
    const company = await ctx().newCompany();
    const scn = `${company.scac}9999`;
    const error = await appFailure(
      importDocument(ctx().deps, company.dispatcher, {
        json: {
          data: 'ACE_SHIPMENT',
          shipments: [
            aShipment({ shipmentControlNumber: scn }),
            aShipment({ shipmentControlNumber: scn }),
          ],
        },
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['/shipments/1/shipmentControlNumber']);
    expect((await listShipments(ctx().deps, company.viewer, { tripId: null })).items).toHaveLength(
      0,
    );
  });

  it('imports a trip as older integrations send it: transport fields dropped, driverNumber kept', async () => {
    const company = await ctx().newCompany();
    const document = richTrip(company.scac);
    const legacy = {
      ...document,
      sendId: '8812',
      operation: 'CREATE',
      shipments: (document.shipments ?? []).map((shipment, index) => ({
        data: 'ACE_SHIPMENT',
        sendId: `8812-${index}`,
        operation: 'CREATE',
        ...shipment,
      })),
    };
    const imported = await importDocument(ctx().deps, company.dispatcher, { json: legacy });
    if (imported.kind !== 'trip') throw new Error('expected a trip');
    const exported = await exportedTrip(ctx().deps, company.viewer, { tripId: imported.trip.id });
    expect(exported.document).toEqual(document);
    expect(exported.document.drivers?.[0]?.driverNumber).toBe('D-0042');
  });

  it('locates shape problems and stores nothing', async () => {
    const company = await ctx().newCompany();
    const bad = {
      ...richTrip(company.scac),
      truck: { number: 7 },
      shipments: [{ shipmentControlNumber: 'X', weight: 1 }],
    };
    const error = await appFailure(importDocument(ctx().deps, company.dispatcher, { json: bad }));
    expect(error.kind).toBe('VALIDATION_FAILED');
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      '/shipments/0/weight',
      '/truck/number',
    ]);
    expect((await listTrips(ctx().deps, company.viewer, {})).items).toHaveLength(0);
  });

  it('imports a shipment list as unassociated shipments, generating AUTOFILL SCNs', async () => {
    const company = await ctx().newCompany();
    const result = await importDocument(ctx().deps, company.dispatcher, {
      json: {
        data: 'ACE_SHIPMENT',
        shipments: [
          aShipment({ shipmentControlNumber: `${company.scac}AUTOFILL` }),
          aShipment({ shipmentControlNumber: `${company.scac}AUTOFILL` }),
        ],
      },
    });
    expect(result.kind).toBe('shipments');
    expect(result.shipments.map((s) => s.shipment.shipmentControlNumber)).toEqual([
      `${company.scac}0000000001`,
      `${company.scac}0000000002`,
    ]);
    expect(result.shipments.every((s) => s.tripId === null)).toBe(true);
  });

  it('exports the full change history of the trip and its shipments', async () => {
    const company = await ctx().newCompany();
    const imported = await importDocument(ctx().deps, company.dispatcher, {
      json: richTrip(company.scac),
    });
    if (imported.kind !== 'trip') throw new Error('expected a trip');
    ctx().clock.advance(60_000);
    const fields = omitKeys(richTrip(company.scac), 'shipments');
    await updateTrip(ctx().deps, company.admin, {
      tripId: imported.trip.id,
      expectedVersion: 1,
      document: { ...fields, usPortOfArrival: '0115' },
    });
    const { history } = await exportedTrip(ctx().deps, company.viewer, {
      tripId: imported.trip.id,
      includeHistory: true,
    });
    expect(history?.map((e) => `${e.entityType}:${e.action}`)).toEqual([
      'trip:import',
      'shipment:import',
      'shipment:import',
      'trip:update',
    ]);
    const last = history?.[3];
    expect(last?.before).toMatchObject({ document: { usPortOfArrival: '0901' } });
    expect(last?.after).toMatchObject({ document: { usPortOfArrival: '0115' } });
    expect(last?.at).toBe(ctx().clock.now().toISOString());
  });
});
