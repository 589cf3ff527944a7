import { describe, expect, it } from 'vitest';
import { aCommodity, aShipment, aTrip, FIXED_NOW } from '../../test/builders.js';
import { validateDocument, validateShipments } from './engine.js';

describe('validateShipments', () => {
  it('finds in slices what the whole engine finds in the shipments, across slices too', () => {
    const shipments = Array.from({ length: 7 }, (_, i) =>
      aShipment({
        shipmentControlNumber: `DEMO000100000${String(i)}`,
        commodities: [aCommodity({ quantity: i === 4 ? 0 : 5 })],
      }),
    );
    // A repeat in another slice than its first use, and a slice's own finding (shipment 4).
    shipments[5] = { ...shipments[5], shipmentControlNumber: 'DEMO0001000001' };
    shipments[6] = { ...shipments[6], type: undefined };
    const trip = aTrip({ shipments });
    const whole = validateDocument(trip, {
      now: FIXED_NOW,
      maxIssuesPerCode: Number.MAX_SAFE_INTEGER,
    }).filter((issue) => issue.path.startsWith('/shipments/'));
    const sliced = validateShipments(trip, { now: FIXED_NOW }, 2);
    const byPath = (a: { path: string; code: string }, b: { path: string; code: string }): number =>
      `${a.path} ${a.code}`.localeCompare(`${b.path} ${b.code}`);
    expect(whole.map((issue) => issue.code)).toContain('SCN_DUPLICATE');
    expect(whole.length).toBeGreaterThan(2);
    expect([...sliced].sort(byPath)).toEqual([...whole].sort(byPath));
  });
});
