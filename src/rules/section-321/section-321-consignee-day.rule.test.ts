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
import type { ManifestDocument, Shipment } from '../../domain/index.js';

function consigneeDayIssues(document: ManifestDocument) {
  return issuesOf(document, { now: FIXED_NOW_2024 })
    .filter((issue) => issue.code === 'SECTION_321_CONSIGNEE_DAY_OVER_LIMIT')
    .map((issue) => issue.path);
}

function worth(value: number, scn: string, overrides: Partial<Shipment> = {}): Shipment {
  return aSection321Shipment({
    shipmentControlNumber: scn,
    commodities: [aCommodity({ value })],
    ...overrides,
  });
}

const SAME_CONSIGNEE_TYPED_DIFFERENTLY = aConsignee({
  name: 'GREAT LAKES  grocers inc',
  address: {
    addressLine: '1 main st',
    city: 'Buffalo',
    stateProvince: 'NY',
    postalCode: ' 14202 ',
    country: 'US',
  },
});

describe('section-321-consignee-day rule', () => {
  it('accepts shipments to one consignee worth US$800 together', () => {
    const trip = aTripArrivingIn2024({
      shipments: [worth(400, 'DEMO0001000321'), worth(400, 'DEMO0001000322')],
    });
    expect(consigneeDayIssues(trip)).toEqual([]);
  });

  it('refuses every shipment of a consignee whose day total is over the limit, naming disposition 95', () => {
    const trip = aTripArrivingIn2024({
      shipments: [
        worth(500, 'DEMO0001000321'),
        aShipment(),
        worth(400, 'DEMO0001000322', { consignee: SAME_CONSIGNEE_TYPED_DIFFERENTLY }),
      ],
    });
    expect(consigneeDayIssues(trip)).toEqual(['/shipments/0/consignee', '/shipments/2/consignee']);
    const issue = issuesOf(trip, { now: FIXED_NOW_2024 }).find(
      (found) => found.code === 'SECTION_321_CONSIGNEE_DAY_OVER_LIMIT',
    );
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toContain('disposition 95');
    expect(issue?.message).toContain('CSMS #62931096');
    expect(issue?.message).toContain('US$900');
    expect(issue?.message).toContain('2024-06-12');
  });

  it('keeps different consignees apart', () => {
    const trip = aTripArrivingIn2024({
      shipments: [
        worth(500, 'DEMO0001000321'),
        worth(400, 'DEMO0001000322', { consignee: aConsignee({ name: 'Niagara Outfitters LLC' }) }),
      ],
    });
    expect(consigneeDayIssues(trip)).toEqual([]);
  });

  it('counts the shipments of a shipment list too, judged at now', () => {
    const list: ManifestDocument = {
      data: 'ACE_SHIPMENT',
      shipments: [worth(500, 'DEMO0001000321'), worth(400, 'DEMO0001000322')],
    };
    expect(consigneeDayIssues(list)).toEqual(['/shipments/0/consignee', '/shipments/1/consignee']);
  });
});
