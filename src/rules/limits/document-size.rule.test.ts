import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { documentSizeRule, MAX_COMMODITIES_PER_SHIPMENT } from './document-size.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [documentSizeRule] });

describe('document-size rule', () => {
  it(`accepts ${MAX_COMMODITIES_PER_SHIPMENT} commodity lines`, () => {
    const commodities = Array.from({ length: MAX_COMMODITIES_PER_SHIPMENT }, () => ({}));
    expect(check(aTrip({ shipments: [aShipment({ commodities })] }))).toEqual([]);
  });

  it('refuses the 1,000th commodity line, located at it', () => {
    const commodities = Array.from({ length: 1000 }, () => ({}));
    expect(check(aTrip({ shipments: [aShipment({ commodities })] }))).toEqual([
      expect.objectContaining({
        code: 'SHIPMENT_TOO_MANY_COMMODITIES',
        path: '/shipments/0/commodities/999',
      }),
    ]);
  });

  it('refuses more than 100,000 shipments', () => {
    const shipments = Array.from({ length: 100_001 }, () => ({}));
    expect(check({ data: 'ACE_SHIPMENT', shipments })).toEqual([
      expect.objectContaining({ code: 'TRIP_TOO_MANY_SHIPMENTS', path: '/shipments/100000' }),
    ]);
  });
});
