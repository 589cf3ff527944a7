import { describe, expect, it } from 'vitest';
import {
  aCommodity,
  aSection321Shipment,
  aTripArrivingIn2024,
  FIXED_NOW_2024,
  issuesOf,
} from '../../../test/builders.js';

function originIssues(estimatedArrivalDateTime: string, countryOfOrigin: string) {
  const trip = aTripArrivingIn2024({
    estimatedArrivalDateTime,
    shipments: [
      aSection321Shipment({
        commodities: [
          aCommodity({ value: 100, countryOfOrigin: 'CA' }),
          aCommodity({ value: 100, countryOfOrigin }),
        ],
      }),
    ],
  });
  return issuesOf(trip, { now: FIXED_NOW_2024 }).filter((issue) =>
    issue.code.startsWith('SECTION_321_'),
  );
}

describe('section-321-origin rule', () => {
  it('accepts goods of China in 2024', () => {
    expect(originIssues('2024-06-12 12:00:00', 'CN')).toEqual([]);
  });

  it('refuses goods of China arriving on 2025-02-05, citing ACE error 470', () => {
    const issues = originIssues('2025-02-05 10:00:00', 'CN');
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'SECTION_321_ORIGIN_EXCLUDED',
        severity: 'error',
        path: '/shipments/0/commodities/1/countryOfOrigin',
      }),
    ]);
    expect(issues[0]?.message).toContain("error 470 'Inv Ctry of Orig for Shp'");
    expect(issues[0]?.source).toContain('EO 14195');
  });

  it('accepts goods of China again on 2025-02-08', () => {
    expect(originIssues('2025-02-08 10:00:00', 'CN')).toEqual([]);
  });

  it('refuses goods of Hong Kong from 2025-05-02, whatever the case of the code', () => {
    expect(originIssues('2025-05-02 09:00:00', 'hk').map((issue) => issue.code)).toEqual([
      'SECTION_321_ORIGIN_EXCLUDED',
    ]);
    expect(originIssues('2025-05-02 09:00:00', 'MX')).toEqual([]);
  });

  it('gives way to the suspension from 2025-08-29', () => {
    expect(originIssues('2025-09-02 09:00:00', 'CN').map((issue) => issue.code)).toEqual([
      'SECTION_321_SUSPENDED',
    ]);
  });
});
