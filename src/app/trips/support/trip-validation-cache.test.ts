import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../domain/index.js';
import type { TripRecord } from '../../shared/records.js';
import {
  keepValidation,
  keptErrorCount,
  keptValidation,
  type TripValidation,
} from './trip-validation-cache.js';

const trip = (n: number) =>
  ({ id: `trip-${String(n)}`, companyId: 'company', version: 1 }) as unknown as TripRecord;
const now = new Date('2026-12-02T12:00:00Z');

function validation(problems: number): TripValidation {
  const issues = Array.from({ length: problems }, (_, i): Issue => ({
    code: 'SHIPMENT_CONSIGNEE_MISSING',
    severity: i % 2 === 0 ? 'error' : 'warning',
    path: `/shipments/${String(i)}/consignee`,
    message: 'The shipment has no consignee.',
  }));
  return { issues, shipmentIds: { '0': 'shipment-0' } };
}

describe("a big trip's validation, kept", () => {
  it('keeps the problems of the latest 16 trips only, and the count of every one', () => {
    const owner = {};
    for (let n = 0; n <= 16; n += 1) keepValidation(owner, trip(n), 'stamp', now, validation(3));
    // The 17th pushed the first one's problems out; its count stays.
    expect(keptValidation(owner, trip(0), 'stamp', now)).toBeUndefined();
    expect(keptErrorCount(owner, trip(0), 'stamp', now)).toBe(2);
    for (let n = 1; n <= 16; n += 1) {
      expect(keptValidation(owner, trip(n), 'stamp', now)).toEqual(validation(3));
    }
    // Kept again, a trip is the latest: the oldest other one gives up its problems.
    keepValidation(owner, trip(0), 'stamp', now, validation(1));
    expect(keptValidation(owner, trip(0), 'stamp', now)).toEqual(validation(1));
    expect(keptValidation(owner, trip(1), 'stamp', now)).toBeUndefined();
    expect(keptValidation(owner, trip(2), 'stamp', now)).toEqual(validation(3));
  });

  it('keeps only the count of a trip with more than 20,000 problems', () => {
    const owner = {};
    keepValidation(owner, trip(1), 'stamp', now, validation(20_001));
    expect(keptValidation(owner, trip(1), 'stamp', now)).toBeUndefined();
    expect(keptErrorCount(owner, trip(1), 'stamp', now)).toBe(10_001);
  });

  it('answers nothing for another stamp, another owner, or a minute on', () => {
    const owner = {};
    keepValidation(owner, trip(1), 'stamp', now, validation(2));
    expect(keptValidation(owner, trip(1), 'other', now)).toBeUndefined();
    expect(keptValidation({}, trip(1), 'stamp', now)).toBeUndefined();
    const minuteOn = new Date(now.getTime() + 60_000);
    expect(keptValidation(owner, trip(1), 'stamp', minuteOn)).toBeUndefined();
    expect(keptErrorCount(owner, trip(1), 'stamp', minuteOn)).toBeUndefined();
  });
});
