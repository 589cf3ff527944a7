import { describe, expect, it } from 'vitest';
import { aTrailer, aTrip, issuesOf } from '../../../test/builders.js';
import type { TripDocument } from '../../domain/index.js';

function typeIssues(trip: TripDocument) {
  return issuesOf(trip)
    .filter((issue) => issue.code.startsWith('EQUIPMENT_TYPE_'))
    .map((issue) => [issue.code, issue.path]);
}

describe('equipment-type rule', () => {
  it('accepts a known equipment type', () => {
    expect(typeIssues(aTrip({ trailers: [aTrailer({ type: 'TF' })] }))).toEqual([]);
  });

  it('refuses a trailer without a type', () => {
    const untyped = aTrailer();
    delete untyped.type;
    expect(typeIssues(aTrip({ trailers: [untyped] }))).toEqual([
      ['EQUIPMENT_TYPE_REQUIRED', '/trailers/0/type'],
    ]);
  });

  it('refuses a type that is not a CBP equipment code', () => {
    expect(typeIssues(aTrip({ trailers: [aTrailer({ type: 'ZZ' })] }))).toEqual([
      ['EQUIPMENT_TYPE_UNKNOWN', '/trailers/0/type'],
    ]);
  });
});
