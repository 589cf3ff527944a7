import { expect, it } from 'vitest';
import { aCommodity, aShipment, aTrip } from '../../../test/builders.js';
import { describeOnDatabases, type TestCompany } from '../../../test/storage-harness.js';
import { createShipment, createTrip, suggestDescriptions } from '../index.js';

describeOnDatabases('description suggestions', (ctx) => {
  const withDescription = (description: string, units: { packagingUnit?: string } = {}) =>
    aShipment({
      shipmentControlNumber: undefined,
      commodities: [aCommodity({ description, ...units })],
    });

  async function parcels(company: TestCompany, tripNumber: string, count: number, from: number) {
    await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber,
        shipments: Array.from({ length: count }, (_, n) =>
          withDescription(`Parcel ${String(from + n)}`),
        ),
      }),
    });
  }

  it('offers the whole history, read a bounded step per call, beyond the newest 500 shipments', async () => {
    const company = await ctx().newCompany();
    const { deps, clock } = ctx();
    const suggest = (text: string) => suggestDescriptions(deps, company.dispatcher, { text });
    await createShipment(deps, company.dispatcher, {
      tripId: null,
      shipment: withDescription("Sirop d'érable, grade A", { packagingUnit: 'CTN' }),
    });
    clock.advance(60_000);
    await parcels(company, `${company.scac}2026113001`, 2_100, 0);
    clock.advance(60_000);
    await createShipment(deps, company.dispatcher, {
      tripId: null,
      shipment: withDescription('Cidre de glace'),
    });
    clock.advance(60_000);
    // The newest 600: the two descriptions above are not among the newest 500 shipments.
    await parcels(company, `${company.scac}2026113002`, 600, 2_100);

    // The first call reads the oldest 2,000 shipments into the history: not yet the cider.
    expect(await suggest('cidre')).toEqual([]);
    // Read already: the syrup, found by its folded words, with its units. This call reads on,
    // past the cider.
    expect(await suggest('SIROP erable')).toEqual([
      { description: "Sirop d'érable, grade A", packagingUnit: 'CTN', weightUnit: 'L' },
    ]);
    expect(await suggest('cidre')).toEqual([
      { description: 'Cidre de glace', packagingUnit: 'PLT', weightUnit: 'L' },
    ]);
    // The newest shipments come first (the last 600 parcels), at most the limit asked.
    const newest = await suggestDescriptions(deps, company.dispatcher, {
      text: 'parcel',
      limit: 3,
    });
    expect(newest).toHaveLength(3);
    for (const { description } of newest) {
      expect(Number(description.replace('Parcel ', ''))).toBeGreaterThanOrEqual(2_100);
    }
  });

  it("never offers another company's descriptions", async () => {
    const mine = await ctx().newCompany();
    const theirs = await ctx().newCompany();
    await createShipment(ctx().deps, theirs.dispatcher, {
      tripId: null,
      shipment: withDescription('Secret sauce'),
    });
    expect(await suggestDescriptions(ctx().deps, mine.dispatcher, { text: 'secret' })).toEqual([]);
  });
});
