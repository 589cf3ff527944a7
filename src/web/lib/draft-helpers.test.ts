import { describe, expect, it } from 'vitest';
import { fieldId, issuesUnder, messagesAt } from './field-id';
import { removeAt, setIn, wordsOf } from './set-in';
import { keysOf, valueAt } from './use-draft';

describe('editing a draft by JSON Pointer', () => {
  it('sets nested values immutably, creating lists and objects on the way', () => {
    const before = { data: 'ACE_TRIP', truck: { number: 'T-1' } };
    const after = setIn(before, keysOf('/truck/licensePlates/0/number'), 'AB123');
    expect(after).toEqual({
      data: 'ACE_TRIP',
      truck: { number: 'T-1', licensePlates: [{ number: 'AB123' }] },
    });
    expect(before).toEqual({ data: 'ACE_TRIP', truck: { number: 'T-1' } });
    expect(valueAt(after, '/truck/licensePlates/0/number')).toBe('AB123');
  });

  it('removes an emptied field and keeps the order of the others', () => {
    const draft = { tripNumber: 'DEMO1', usPortOfArrival: '0901', truck: {} };
    expect(Object.keys(setIn(draft, keysOf('/usPortOfArrival'), '3801'))).toEqual([
      'tripNumber',
      'usPortOfArrival',
      'truck',
    ]);
    expect(setIn(draft, keysOf('/usPortOfArrival'), '')).toEqual({
      tripNumber: 'DEMO1',
      truck: {},
    });
  });

  it('reads seal lists and removes list items', () => {
    expect(wordsOf('S-1, S-2  S-3')).toEqual(['S-1', 'S-2', 'S-3']);
    expect(wordsOf(' , ')).toBeUndefined();
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('points issues at fields, relative to the part of the document a page edits', () => {
    expect(fieldId('/truck/licensePlates/0/number')).toBe('f-truck-licensePlates-0-number');
    const issues = [
      { path: '/shipments/0/type', message: 'Section 321 is suspended.' },
      { path: '/shipments/0/type', message: 'Second.' },
      { path: '/shipments/1/type', message: 'Another shipment.' },
      { path: '/usPortOfArrival', message: 'Trip level.' },
    ];
    const mine = issuesUnder(issues, '/shipments/0') ?? [];
    expect(mine.map((issue) => issue.path)).toEqual(['/type', '/type']);
    expect(messagesAt(mine, '/type')).toBe('Section 321 is suspended. Second.');
    expect(messagesAt(mine, '/consignee')).toBeUndefined();
    expect(issuesUnder(undefined, '/shipments/0')).toBeUndefined();
  });
});
