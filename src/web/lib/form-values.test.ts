import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { withoutBlanks } from './form-values';
import { refusalOf } from './write-refusal';

describe('form values to records', () => {
  it('trims text and drops blanks, empty groups and empty list rows', () => {
    expect(
      withoutBlanks({
        name: '  Maple Leaf Mills ',
        phone: '',
        address: { city: ' ', country: '' },
        licensePlates: [
          { number: 'AB12345', country: 'CA', stateProvince: '' },
          { number: '', country: '', stateProvince: '' },
        ],
      }),
    ).toEqual({ name: 'Maple Leaf Mills', licensePlates: [{ number: 'AB12345', country: 'CA' }] });
  });

  it('answers undefined for a form left empty', () => {
    expect(withoutBlanks({ name: '', address: { city: '' }, travelDocuments: [] })).toBeUndefined();
  });
});

describe('refusals of a write', () => {
  it('tells a colleague’s change, a colleague’s delete and anything else apart', () => {
    expect(refusalOf(new ApiError(409, 'STALE_VERSION', 'stale'))).toBe('changed-by-someone-else');
    expect(refusalOf(new ApiError(404, 'NOT_FOUND', 'gone'))).toBe('deleted-by-someone-else');
    expect(refusalOf(new ApiError(409, 'CONFLICT', 'other'))).toBe('other');
    expect(refusalOf(new Error('network'))).toBe('other');
  });
});
