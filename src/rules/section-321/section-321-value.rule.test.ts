import { describe, expect, it } from 'vitest';
import {
  aCommodity,
  aSection321Shipment,
  aTripArrivingIn2024,
  FIXED_NOW_2024,
  issuesOf,
} from '../../../test/builders.js';
import type { TripDocument } from '../../domain/index.js';
import { DEFAULT_REGULATIONS } from '../regulations/default-regulations.js';
import type { RegulationTable } from '../regulations/regulation-table.js';

function valueIssues(trip: TripDocument, regulations?: RegulationTable) {
  return issuesOf(trip, { now: FIXED_NOW_2024, regulations }).filter(
    (issue) => issue.code === 'SECTION_321_VALUE_OVER_LIMIT',
  );
}

function worth(values: readonly number[], estimatedArrivalDateTime = '2024-06-12 12:00:00') {
  return aTripArrivingIn2024({
    estimatedArrivalDateTime,
    shipments: [aSection321Shipment({ commodities: values.map((value) => aCommodity({ value })) })],
  });
}

describe('section-321-value rule', () => {
  it('accepts a shipment worth exactly US$800, summed in cents', () => {
    expect(valueIssues(worth([799.99, 0.01]))).toEqual([]);
  });

  it('refuses a shipment whose commodities add up to more than US$800', () => {
    const issues = valueIssues(worth([500, 300.01]));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'SECTION_321_VALUE_OVER_LIMIT',
        severity: 'error',
        path: '/shipments/0/commodities',
        source: 'Trade Facilitation and Trade Enforcement Act of 2015, Pub. L. 114-125 §901',
      }),
    ]);
    expect(issues[0]?.message).toContain('US$800.01');
    expect(issues[0]?.message).toContain('US$800 limit');
  });

  it('applies US$200 to arrivals before 2016-03-10 and US$800 from then on', () => {
    expect(valueIssues(worth([201], '2016-03-09 23:59:00'))).toEqual([
      expect.objectContaining({ code: 'SECTION_321_VALUE_OVER_LIMIT' }),
    ]);
    expect(valueIssues(worth([201], '2016-03-10 00:00:00'))).toEqual([]);
  });

  it('takes the limit from the regulation table, not from code', () => {
    const lowLimit: RegulationTable = {
      ...DEFAULT_REGULATIONS,
      section321: [{ kind: 'value-limit', limitUsd: 100, source: 'test table' }],
    };
    expect(valueIssues(worth([240]))).toEqual([]);
    expect(valueIssues(worth([240]), lowLimit)).toEqual([
      expect.objectContaining({ code: 'SECTION_321_VALUE_OVER_LIMIT', source: 'test table' }),
    ]);
  });

  it('stays silent while Section 321 is suspended', () => {
    expect(valueIssues(worth([5000], '2025-09-15 10:00:00'))).toEqual([]);
  });
});
