import { describe, expect, it } from 'vitest';
import { aCommodity, aShipment } from '../../../../test/builders.js';
import type { ShipmentRecord } from '../../shared/records.js';
import { usedDescriptions } from './used-descriptions.js';

function record(updatedAt: string, ...commodities: Parameters<typeof aCommodity>[0][]) {
  return {
    id: updatedAt,
    companyId: 'c',
    tripId: null,
    position: 1,
    version: 1,
    createdAt: updatedAt,
    updatedAt,
    shipment: aShipment({ commodities: commodities.map((c) => aCommodity(c)) }),
  } satisfies ShipmentRecord;
}

describe('usedDescriptions', () => {
  it('keeps one entry per folded description, from its latest use, whatever the order', () => {
    const older = record('2026-11-01T00:00:00.000Z', {
      description: 'Érable',
      packagingUnit: 'BOX',
    });
    const newer = record('2026-11-02T00:00:00.000Z', {
      description: ' ERABLE ',
      packagingUnit: 'CTN',
    });
    for (const records of [
      [older, newer],
      [newer, older],
    ]) {
      expect(usedDescriptions(records)).toEqual([
        {
          folded: 'erable',
          description: 'ERABLE',
          packagingUnit: 'CTN',
          weightUnit: 'L',
          usedAt: '2026-11-02T00:00:00.000Z',
        },
      ]);
    }
  });

  it('leaves out blank descriptions', () => {
    expect(usedDescriptions([record('2026-11-01T00:00:00.000Z', { description: '  ' })])).toEqual(
      [],
    );
  });
});
