import { describe, expect, it } from 'vitest';
import type { Issue } from './api-types';
import { fieldId, fieldIssues, issuesAt, issuesUnder, messagesAt, sameIssues } from './field-id';
import { removeAt, setIn, wordsOf } from './set-in';
import { bindPart, keysOf, samePart, valueAt } from './use-draft';

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

  it('shows a warning unlike an error: in the success slot, marked "Warning:", never over an error', () => {
    const issues: Issue[] = [
      { code: 'PARTY_NAME_LONG', severity: 'warning', path: '/shipper/name', message: 'Long.' },
      { code: 'A', severity: 'warning', path: '/type', message: 'Warned.' },
      { code: 'B', severity: 'error', path: '/type', message: 'Wrong.' },
    ];
    expect(fieldIssues(issues, '/shipper/name')).toEqual({
      error: undefined,
      success: 'Warning: Long.',
    });
    expect(fieldIssues(issues, '/type')).toEqual({ error: 'Wrong.', success: undefined });
    expect(fieldIssues(issues, '/broker', '/shipper/name').success).toBe('Warning: Long.');
    expect(fieldIssues(issues, '/broker')).toEqual({ error: undefined, success: undefined });
  });

  it('gives each part of a trip its own value and issues, pointers kept whole', () => {
    const trip = { tripNumber: 'DEMO1', truck: { number: 'T-1' }, trailers: [{ number: 'TR-1' }] };
    const after = setIn(trip, keysOf('/tripNumber'), 'DEMO12');
    // Parts the change did not touch keep their identity: their memoised fieldsets are skipped.
    expect(after.truck).toBe(trip.truck);
    expect(after.trailers).toBe(trip.trailers);
    const issues: Issue[] = [
      { code: 'A', severity: 'error', path: '/trailers/0/number', message: 'Trailer.' },
      { code: 'B', severity: 'error', path: '/tripNumber', message: 'Number.' },
      { code: 'C', severity: 'error', path: '/truck', message: 'Truck.' },
      { code: 'D', severity: 'error', path: '/trucks', message: 'Not the truck.' },
    ];
    const trailers = issuesAt(issues, '/trailers') ?? [];
    expect(trailers.map((issue) => issue.code)).toEqual(['A']);
    expect(issuesAt(issues, '/truck', '/tripNumber')?.map((issue) => issue.code)).toEqual([
      'B',
      'C',
    ]);
    expect(issuesAt(undefined, '/truck')).toBeUndefined();
    const set: [string, unknown][] = [];
    const b = bindPart('/trailers', trip.trailers, trailers, (pointer, value) => {
      set.push([pointer, value]);
    });
    const field = b.text('/trailers/0/number');
    expect(field).toMatchObject({ id: 'f-trailers-0-number', value: 'TR-1', error: 'Trailer.' });
    field.onChange({ currentTarget: { value: 'TR-2' } });
    expect(set).toEqual([['/trailers/0/number', 'TR-2']]);
  });

  it('redraws a part only when its value or its issues say something else', () => {
    const issue: Issue = { code: 'A', severity: 'error', path: '/truck/number', message: 'M.' };
    const set = () => undefined;
    const truck = { number: 'T-1' };
    const before = { value: truck, issues: [issue], set, readOnly: false };
    // A new answer of the worker saying the same: the same part.
    expect(samePart(before, { ...before, issues: [{ ...issue }] })).toBe(true);
    expect(samePart(before, { ...before, issues: [{ ...issue, message: 'N.' }] })).toBe(false);
    expect(samePart(before, { ...before, issues: [] })).toBe(false);
    expect(samePart(before, { ...before, value: { number: 'T-1' } })).toBe(false);
    expect(samePart(before, { ...before, readOnly: true })).toBe(false);
    expect(sameIssues(undefined, undefined)).toBe(true);
    expect(sameIssues(undefined, [])).toBe(false);
  });
});
