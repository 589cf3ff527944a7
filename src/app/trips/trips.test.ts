import { expect, it } from 'vitest';
import { exportedTrip } from '../../../test/exports.js';
import { aShipment, aTrip } from '../../../test/builders.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { appFailure } from '../../../test/storage-failure.js';
import { appFailure as failure } from '../../../test/storage-failure.js';
import {
  copyTrip,
  createTrip,
  deleteTrip,
  getTrip,
  listShipments,
  listTrips,
  updateTrip,
  validateTrip,
} from '../index.js';
import { DEFAULT_REGULATIONS } from '../../rules/index.js';

describeOnDatabases('trips', (ctx) => {
  it('numbers new trips from the company prefix and sequence', async () => {
    const company = await ctx().newCompany();
    const first = await createTrip(ctx().deps, company.dispatcher, {});
    const second = await createTrip(ctx().deps, company.dispatcher, {});
    expect(first.trip.tripNumber).toBe(`${company.scac}000001`);
    expect(second.trip.tripNumber).toBe(`${company.scac}000002`);
    expect(first.trip.document.usPortOfArrival).toBe('0901');
    // An empty draft is saved, and the rule engine says what is missing.
    expect(first.issues.length).toBeGreaterThan(0);
  });

  it('skips a number someone already typed by hand', async () => {
    const company = await ctx().newCompany();
    await createTrip(ctx().deps, company.dispatcher, {
      document: { data: 'ACE_TRIP', tripNumber: `${company.scac}000001` },
    });
    const auto = await createTrip(ctx().deps, company.dispatcher, {});
    expect(auto.trip.tripNumber).toBe(`${company.scac}000002`);
  });

  it('never gives a trip number out twice, even after the trip was deleted', async () => {
    const company = await ctx().newCompany();
    const number = `${company.scac}7777`;
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: { data: 'ACE_TRIP', tripNumber: number },
    });
    await deleteTrip(ctx().deps, company.dispatcher, { tripId: trip.id, expectedVersion: 1 });
    const error = await failure(
      createTrip(ctx().deps, company.dispatcher, {
        document: { data: 'ACE_TRIP', tripNumber: number },
      }),
    );
    expect(error.kind).toBe('CONFLICT');
    expect(error.issues.map((i) => i.path)).toEqual(['/tripNumber']);
    expect((await failure(getTrip(ctx().deps, company.viewer, { tripId: trip.id }))).kind).toBe(
      'NOT_FOUND',
    );
  });

  it('never gives a renamed trip’s old number to another trip, but lets it take it back', async () => {
    const company = await ctx().newCompany();
    const old = `${company.scac}8888`;
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: { data: 'ACE_TRIP', tripNumber: old },
    });
    const renamed = await updateTrip(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: 1,
      document: { data: 'ACE_TRIP', tripNumber: `${company.scac}8889` },
    });
    const error = await failure(
      createTrip(ctx().deps, company.dispatcher, {
        document: { data: 'ACE_TRIP', tripNumber: old },
      }),
    );
    expect(error.kind).toBe('CONFLICT');
    const back = await updateTrip(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: renamed.trip.version,
      document: { data: 'ACE_TRIP', tripNumber: old },
    });
    expect(back.trip.tripNumber).toBe(old);
  });

  it('refuses a stale edit and keeps what the other user saved', async () => {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {});
    const mine = { ...trip.document, usPortOfArrival: '0115' };
    await updateTrip(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: 1,
      document: { ...trip.document, usPortOfArrival: '3004' },
    });
    const error = await failure(
      updateTrip(ctx().deps, company.dispatcher, {
        tripId: trip.id,
        expectedVersion: 1,
        document: mine,
      }),
    );
    expect(error.kind).toBe('STALE_VERSION');
    const stored = await getTrip(ctx().deps, company.viewer, { tripId: trip.id });
    expect(stored.version).toBe(2);
    expect(stored.document.usPortOfArrival).toBe('3004');
  });

  it('lets viewers read but not write', async () => {
    const company = await ctx().newCompany();
    expect((await failure(createTrip(ctx().deps, company.viewer, {}))).kind).toBe('FORBIDDEN');
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {});
    await expect(getTrip(ctx().deps, company.viewer, { tripId: trip.id })).resolves.toMatchObject({
      id: trip.id,
    });
  });

  it('copies a trip with a new number and new SCNs', async () => {
    const company = await ctx().newCompany();
    const scn = `${company.scac}00000042`;
    const source = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}1000`,
        shipments: [aShipment({ shipmentControlNumber: scn })],
      }),
    });
    const copy = await copyTrip(ctx().deps, company.dispatcher, { tripId: source.trip.id });
    expect(copy.trip.tripNumber).not.toBe(source.trip.tripNumber);
    const { document } = await exportedTrip(ctx().deps, company.viewer, { tripId: copy.trip.id });
    expect(document.shipments).toHaveLength(1);
    expect(document.shipments?.[0]?.shipmentControlNumber).toMatch(
      new RegExp(`^${company.scac}\\d{10}$`),
    );
    expect(document.shipments?.[0]?.shipmentControlNumber).not.toBe(scn);
    expect(document.truck).toEqual(aTrip().truck);
  });

  it('copies a trip of more shipments than one page, in their order, each with a new SCN', async () => {
    const company = await ctx().newCompany();
    const shipments = Array.from({ length: 1_203 }, (_, i) =>
      aShipment({
        shipmentControlNumber: `${company.scac}${String(i + 1).padStart(10, '0')}`,
        orderReference: `ORDER-${String(i)}`,
      }),
    );
    // One shipment with a problem the copy's findings report where it is.
    const wrong = shipments[1_100];
    if (wrong !== undefined) wrong.provinceOfLoading = 'ZZ';
    const source = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({ tripNumber: `${company.scac}2000`, shipments }),
    });
    const copy = await copyTrip(ctx().deps, company.dispatcher, { tripId: source.trip.id });
    const { document } = await exportedTrip(ctx().deps, company.viewer, { tripId: copy.trip.id });
    expect(document.shipments?.map((s) => s.orderReference)).toEqual(
      shipments.map((s) => s.orderReference),
    );
    const scns = document.shipments?.map((s) => s.shipmentControlNumber ?? '') ?? [];
    expect(new Set(scns).size).toBe(1_203);
    expect(scns.filter((scn) => scn.startsWith(company.scac))).toHaveLength(1_203);
    expect(scns.some((scn) => shipments.some((s) => s.shipmentControlNumber === scn))).toBe(false);
    // Its findings are those of the stored copy, the problem at its index.
    const checked = await validateTrip(ctx().deps, company.viewer, { tripId: copy.trip.id });
    expect(copy.issues).toEqual(checked.issues);
    expect(copy.issues.some((issue) => issue.path.startsWith('/shipments/1100/'))).toBe(true);
  });

  it('lists trips newest first with filters and stable cursors', async () => {
    const company = await ctx().newCompany();
    for (let day = 1; day <= 7; day++) {
      ctx().clock.advance(1000);
      await createTrip(ctx().deps, company.dispatcher, {
        document: {
          data: 'ACE_TRIP',
          estimatedArrivalDateTime: `2026-12-0${day} 10:00:00`,
          truck: { number: day % 2 === 0 ? 'EVEN-TRUCK' : 'ODD-TRUCK' },
        },
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTrips(ctx().deps, company.viewer, { limit: 3, cursor });
      seen.push(...page.items.map((t) => t.tripNumber));
      cursor = page.nextCursor ?? undefined;
      // A trip created between pages lands at the front and does not shift the next page.
      if (seen.length === 3) await createTrip(ctx().deps, company.dispatcher, {});
    } while (cursor !== undefined);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1].map((n) => `${company.scac}00000${n}`));

    const even = await listTrips(ctx().deps, company.viewer, { text: 'even-truck' });
    expect(even.items).toHaveLength(3);
    const dated = await listTrips(ctx().deps, company.viewer, {
      arrivalFrom: '2026-12-02',
      arrivalTo: '2026-12-04',
    });
    expect(dated.items.map((t) => t.document.estimatedArrivalDateTime)).toEqual([
      '2026-12-04 10:00:00',
      '2026-12-03 10:00:00',
      '2026-12-02 10:00:00',
    ]);
    expect((await listTrips(ctx().deps, company.viewer, { status: 'filed' })).items).toHaveLength(
      0,
    );
    // A day that does not exist is refused, not rolled over to March 2.
    const impossible = await appFailure(
      listTrips(ctx().deps, company.viewer, { arrivalFrom: '2026-02-30' }),
    );
    expect(impossible.issues).toMatchObject([{ code: 'FILTER_DATE_FORMAT', path: '/arrivalFrom' }]);
  });

  it('keeps shipments out of a trip update', async () => {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {});
    const error = await failure(
      updateTrip(ctx().deps, company.dispatcher, {
        tripId: trip.id,
        expectedVersion: 1,
        document: { data: 'ACE_TRIP', shipments: [aShipment()] },
      }),
    );
    expect(error.kind).toBe('VALIDATION_FAILED');
    const page = await listShipments(ctx().deps, company.viewer, { tripId: trip.id });
    expect(page.items).toHaveLength(0);
  });
});

describeOnDatabases('validation with a replaced regulation table (RULES_FILE)', (ctx) => {
  it('judges saved trips by the configured table, not the built-in one', async () => {
    const company = await ctx().newCompany();
    const document = aTrip({ tripNumber: `${company.scac}5001`, shipments: [] });
    const builtIn = await createTrip(ctx().deps, company.dispatcher, { document });
    expect(builtIn.issues.map((i) => i.code)).not.toContain('ETA_TOO_SOON');

    const strict = {
      ...DEFAULT_REGULATIONS,
      filingLeadTime: { standardMinutes: 100_000, fastMinutes: 100_000, source: 'test table' },
    };
    const deps = { ...ctx().deps, regulations: strict };
    const { issues } = await validateTrip(deps, company.dispatcher, { tripId: builtIn.trip.id });
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'ETA_TOO_SOON', path: '/estimatedArrivalDateTime' }),
    );
  });
});
