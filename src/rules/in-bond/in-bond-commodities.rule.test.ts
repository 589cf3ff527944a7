import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { inBondCommoditiesRule } from './in-bond-commodities.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [inBondCommoditiesRule] });

const shipment = (type: string, harmonizedCode: string | undefined) =>
  aShipment({ type, commodities: [aCommodity(), aCommodity({ harmonizedCode })] });

describe('in-bond-commodities rule', () => {
  it('accepts in-bond commodities that all carry an HTS code', () => {
    expect(check(aTrip({ shipments: [shipment('IN_BOND', '1104.12')] }))).toEqual([]);
  });

  it('lets other shipment types leave the HTS code out', () => {
    const shipments = [shipment('PAPS', undefined), shipment('QP_IN_BOND', undefined)];
    expect(check(aTrip({ shipments }))).toEqual([]);
  });

  it('refuses an in-bond commodity without an HTS code', () => {
    expect(check(aTrip({ shipments: [shipment('IN_BOND', '')] }))).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_HARMONIZED_CODE_REQUIRED',
        severity: 'error',
        path: '/shipments/0/commodities/1/harmonizedCode',
      }),
    ]);
  });
});
