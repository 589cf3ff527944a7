import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { shipmentCommoditiesRule } from './shipment-commodities.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [shipmentCommoditiesRule] });

describe('shipment-commodities rule', () => {
  it('accepts a shipment with a commodity, and a trip with no shipments', () => {
    expect(check(aTrip())).toEqual([]);
    expect(check(aTrip({ shipments: [] }))).toEqual([]);
  });

  it('refuses a shipment with an empty commodity list or none at all', () => {
    const issues = check(
      aTrip({ shipments: [aShipment({ commodities: [] }), aShipment({ commodities: undefined })] }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'SHIPMENT_COMMODITY_REQUIRED',
        severity: 'error',
        path: '/shipments/0/commodities',
      }),
      expect.objectContaining({
        code: 'SHIPMENT_COMMODITY_REQUIRED',
        path: '/shipments/1/commodities',
      }),
    ]);
  });
});
