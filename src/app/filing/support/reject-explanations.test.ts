import { describe, expect, it } from 'vitest';
import { explainReason } from './reject-explanations.js';

describe("CBP's reject texts in plain words", () => {
  it('explains a refused instrument of international traffic, by type or by count', () => {
    for (const text of ['INV IIT TYPE XX', 'INV IIT QUANTITY 0']) {
      expect(explainReason(text)?.fix, text).toContain('EC, EI, MC or MI');
    }
  });

  it('explains a shipment CBP has on another trip, not as an SCN to change', () => {
    const explained = explainReason('INV LINK SHIPMENT ON TRIP DEMO000002');
    expect(explained?.meaning).toContain('on another trip of yours');
    expect(explained?.fix).toContain('Sync the trip it was on first');
  });

  it('leaves a reason it does not know as CBP wrote it', () => {
    expect(explainReason('SOMETHING NEW FROM CBP')).toBeUndefined();
  });
});
