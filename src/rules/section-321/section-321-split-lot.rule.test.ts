import { describe, expect, it } from 'vitest';
import {
  aCommodity,
  aConsignee,
  aSection321Shipment,
  aShipment,
  aTripArrivingIn2024,
  FIXED_NOW_2024,
  issuesOf,
} from '../../../test/builders.js';
import type { Shipment, TripDocument } from '../../domain/index.js';

function splitLotPaths(trip: TripDocument) {
  return issuesOf(trip, { now: FIXED_NOW_2024 })
    .filter((issue) => issue.code === 'SECTION_321_SPLIT_LOT')
    .map((issue) => issue.path);
}

/** Each lot goes to a different consignee, so only the order links them. */
function lot(value: number, scn: string, orderReference: string | undefined): Shipment {
  const shipment = aSection321Shipment({
    shipmentControlNumber: scn,
    consignee: aConsignee({ name: `Buyer ${scn}` }),
    commodities: [aCommodity({ value })],
  });
  return orderReference === undefined ? shipment : { ...shipment, orderReference };
}

describe('section-321-split-lot rule', () => {
  it('accepts lots of one order worth US$800 together', () => {
    const trip = aTripArrivingIn2024({
      shipments: [lot(400, 'DEMO0001000321', 'PO-77'), lot(400, 'DEMO0001000322', 'PO-77')],
    });
    expect(splitLotPaths(trip)).toEqual([]);
  });

  it('refuses every Section 321 lot of an order worth more than the limit', () => {
    const trip = aTripArrivingIn2024({
      shipments: [lot(500, 'DEMO0001000321', 'PO-77'), lot(400, 'DEMO0001000322', ' po-77 ')],
    });
    expect(splitLotPaths(trip)).toEqual([
      '/shipments/0/orderReference',
      '/shipments/1/orderReference',
    ]);
    const issue = issuesOf(trip, { now: FIXED_NOW_2024 }).find(
      (found) => found.code === 'SECTION_321_SPLIT_LOT',
    );
    expect(issue).toMatchObject({ severity: 'error' });
    expect(issue?.source).toContain('19 CFR 10.151');
    expect(issue?.message).toContain('PO-77');
  });

  it('counts every shipment of the order but refuses only the Section 321 lots', () => {
    const trip = aTripArrivingIn2024({
      shipments: [aShipment({ orderReference: 'PO-77' }), lot(240, 'DEMO0001000321', 'PO-77')],
    });
    expect(splitLotPaths(trip)).toEqual(['/shipments/1/orderReference']);
  });

  it('ignores shipments without an order reference', () => {
    const trip = aTripArrivingIn2024({
      shipments: [lot(500, 'DEMO0001000321', undefined), lot(400, 'DEMO0001000322', undefined)],
    });
    expect(splitLotPaths(trip)).toEqual([]);
  });
});
