import { describe, expect, it } from 'vitest';
import { aTrip, issuesOf } from '../../../test/builders.js';
import type { InstrumentOfInternationalTraffic } from '../../domain/index.js';

function iitIssues(...instrumentsOfInternationalTraffic: InstrumentOfInternationalTraffic[]) {
  return issuesOf(aTrip({ instrumentsOfInternationalTraffic }))
    .filter((issue) => issue.code.startsWith('IIT_'))
    .map((issue) => [issue.code, issue.path]);
}

describe('instruments-of-international-traffic rule', () => {
  it('accepts each of the four types with a whole quantity', () => {
    expect(
      iitIssues(
        { type: 'EC', quantity: 1 },
        { type: 'EI', quantity: 2 },
        { type: 'MC', quantity: 30, description: 'Steel racks' },
        { type: 'MI', quantity: 4 },
      ),
    ).toEqual([]);
  });

  it('refuses an instrument without a type', () => {
    expect(iitIssues({ quantity: 1 })).toEqual([
      ['IIT_TYPE_REQUIRED', '/instrumentsOfInternationalTraffic/0/type'],
    ]);
  });

  it('refuses an unknown type', () => {
    expect(iitIssues({ type: 'XX', quantity: 1 })).toEqual([
      ['IIT_TYPE_UNKNOWN', '/instrumentsOfInternationalTraffic/0/type'],
    ]);
  });

  it('refuses a missing, fractional or zero quantity', () => {
    expect(
      iitIssues({ type: 'EC' }, { type: 'EC', quantity: 1.5 }, { type: 'EC', quantity: 0 }),
    ).toEqual([
      ['IIT_QUANTITY_INVALID', '/instrumentsOfInternationalTraffic/0/quantity'],
      ['IIT_QUANTITY_INVALID', '/instrumentsOfInternationalTraffic/1/quantity'],
      ['IIT_QUANTITY_INVALID', '/instrumentsOfInternationalTraffic/2/quantity'],
    ]);
  });
});
