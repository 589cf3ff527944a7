import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { commodityHarmonizedCodeRule } from './commodity-harmonized-code.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [commodityHarmonizedCodeRule] });

const hts = (harmonizedCode: string | undefined) =>
  aTrip({ shipments: [aShipment({ commodities: [aCommodity({ harmonizedCode })] })] });

describe('commodity-harmonized-code rule', () => {
  it.each([undefined, '110412', '1104.12', '1104.12.00.00', '1104120000'])('accepts %j', (code) => {
    expect(check(hts(code))).toEqual([]);
  });

  it.each(['11041', '11041200001', '1104-12', 'ABCDEF'])('refuses %j', (code) => {
    const issues = check(hts(code));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'COMMODITY_HARMONIZED_CODE_FORMAT',
        severity: 'error',
        path: '/shipments/0/commodities/0/harmonizedCode',
      }),
    ]);
    expect(issues[0]?.message).toContain(`"${code}"`);
  });
});
