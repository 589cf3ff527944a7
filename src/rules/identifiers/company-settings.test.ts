import { describe, expect, it } from 'vitest';
import { isTripNumberPrefix, senderIdProblem } from './company-settings.js';

describe('company settings', () => {
  it.each(['DEMO', 'EMANIFEST', 'DEMO-CERT 01', 'AB', 'ABCDEFGHIJKLMNO'])(
    'takes %j as a sender ID',
    (id) => {
      expect(senderIdProblem(id)).toBeUndefined();
    },
  );

  it.each([
    ['A', 'is 1 characters long'],
    ['ABCDEFGHIJKLMNOP', 'is 16 characters long'],
    [' DEMO', 'space'],
    ['DEMO ', 'space'],
    ['demo', 'lower-case'],
    ['DEMO*1', 'basic set'],
    ['DÉMO', 'basic set'],
    ['DEMO~', 'basic set'],
  ])('refuses %j as a sender ID (%s)', (id, words) => {
    expect(senderIdProblem(id)).toContain(words);
  });

  it('takes a trip-number prefix that starts with the SCAC', () => {
    expect(isTripNumberPrefix('DEMO26', 'DEMO')).toBe(true);
    expect(isTripNumberPrefix('ABCD26', 'DEMO')).toBe(false);
    expect(isTripNumberPrefix('DEMO-1', 'DEMO')).toBe(false);
  });
});
