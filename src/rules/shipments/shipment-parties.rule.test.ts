import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { shipmentPartiesRule } from './shipment-parties.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [shipmentPartiesRule] });

describe('shipment-parties rule', () => {
  it('accepts a shipment with a shipper and a consignee', () => {
    expect(check(aTrip())).toEqual([]);
  });

  it('refuses a shipment without a shipper', () => {
    expect(check(aTrip({ shipments: [aShipment({ shipper: undefined })] }))).toEqual([
      expect.objectContaining({
        code: 'SHIPMENT_SHIPPER_REQUIRED',
        severity: 'error',
        path: '/shipments/0/shipper',
      }),
    ]);
  });

  it('refuses a shipment without a consignee', () => {
    expect(check(aTrip({ shipments: [aShipment({ consignee: undefined })] }))).toEqual([
      expect.objectContaining({
        code: 'SHIPMENT_CONSIGNEE_REQUIRED',
        severity: 'error',
        path: '/shipments/0/consignee',
      }),
    ]);
  });
});
