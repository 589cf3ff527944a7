import { describe, expect, it } from 'vitest';
import { explainReason } from './reject-explanations.js';

describe("CBP's reject texts in plain words", () => {
  it('explains a refused instrument of international traffic, by type or by count', () => {
    for (const text of ['INV IIT TYPE XX', 'INV IIT QUANTITY 0']) {
      expect(explainReason(text)?.fix, text).toContain('EC, EI, MC or MI');
    }
  });

  it('leaves a reason it does not know as CBP wrote it', () => {
    expect(explainReason('SOMETHING NEW FROM CBP')).toBeUndefined();
  });
});
