import { describe, expect, it } from 'vitest';
import { aTrailer, aTrip, issuesOf } from '../../../test/builders.js';
import type { TripDocument } from '../../domain/index.js';

function trailerNumberIssues(trip: TripDocument) {
  return issuesOf(trip)
    .filter((issue) => issue.code.startsWith('TRAILER_NUMBER_'))
    .map((issue) => [issue.code, issue.path]);
}

describe('trailer-number rule', () => {
  it('accepts trailers with distinct numbers', () => {
    const trip = aTrip({ trailers: [aTrailer(), aTrailer({ number: 'TR-5502' })] });
    expect(trailerNumberIssues(trip)).toEqual([]);
  });

  it('refuses a trailer without a number', () => {
    expect(trailerNumberIssues(aTrip({ trailers: [aTrailer({ number: '' })] }))).toEqual([
      ['TRAILER_NUMBER_REQUIRED', '/trailers/0/number'],
    ]);
  });

  it('refuses the second trailer with the same number, ignoring case and spaces around it', () => {
    const trip = aTrip({ trailers: [aTrailer(), aTrailer({ number: ' tr-5501 ' })] });
    expect(trailerNumberIssues(trip)).toEqual([['TRAILER_NUMBER_DUPLICATE', '/trailers/1/number']]);
  });
});
