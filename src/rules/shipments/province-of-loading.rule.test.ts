import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { provinceOfLoadingRule } from './province-of-loading.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [provinceOfLoadingRule] });

describe('province-of-loading rule', () => {
  it('accepts states and provinces of Canada, the U.S. and Mexico', () => {
    const shipments = ['ON', 'QC', 'TX', 'BCN'].map((provinceOfLoading) =>
      aShipment({ provinceOfLoading }),
    );
    expect(check(aTrip({ shipments }))).toEqual([]);
  });

  it('refuses a shipment without a province of loading', () => {
    const issues = check(aTrip({ shipments: [aShipment({ provinceOfLoading: undefined })] }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'SHIPMENT_PROVINCE_OF_LOADING_REQUIRED',
        severity: 'error',
        path: '/shipments/0/provinceOfLoading',
      }),
    ]);
  });

  it('refuses a code that is no North American state or province', () => {
    const issues = check(aTrip({ shipments: [aShipment({ provinceOfLoading: 'Ontario' })] }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'SHIPMENT_PROVINCE_OF_LOADING_UNKNOWN',
        path: '/shipments/0/provinceOfLoading',
      }),
    ]);
    expect(issues[0]?.message).toContain('"Ontario"');
  });
});
