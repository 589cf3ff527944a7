/**
 * writePlan names the SCNs of each interchange it writes: CBP's answers are matched to the
 * shipments by them, so a 309 split at the profile's limit must carry exactly its own.
 */
import { describe, expect, it } from 'vitest';
import { aShipment, aTrip, FIXED_NOW } from '../../../../test/builders.js';
import { defaultEdiProfile, sequentialControlNumbers } from '../../../edi/index.js';
import { writePlan } from './write-plan.js';

describe('writePlan', () => {
  const profile = { ...defaultEdiProfile(), maxShipmentsPer309: 2 };
  const scns = ['DEMO0000000001', 'DEMO0000000002', 'DEMO0000000003'];
  const trip = aTrip({ shipments: scns.map((scn) => aShipment({ shipmentControlNumber: scn })) });

  it("gives each 309 of a split its own shipments' SCNs, and the 358 all of them", () => {
    const { interchanges, issues } = writePlan(
      [{ kind: 'filing', trip }],
      profile,
      sequentialControlNumbers(),
      FIXED_NOW,
    );
    expect(issues).toEqual([]);
    expect(interchanges.map((p) => [p.interchange.setId, p.scns])).toEqual([
      ['309', ['DEMO0000000001', 'DEMO0000000002']],
      ['309', ['DEMO0000000003']],
      ['358', scns],
    ]);
  });

  it('keeps the order of the shipments a 309 amends across the split', () => {
    const { interchanges } = writePlan(
      [{ kind: '309', purpose: 'update', trip, shipments: [2, 0, 1] }],
      profile,
      sequentialControlNumbers(),
      FIXED_NOW,
    );
    expect(interchanges.map((p) => p.scns)).toEqual([
      ['DEMO0000000003', 'DEMO0000000001'],
      ['DEMO0000000002'],
    ]);
  });

  it('writes no 309 for a trip without shipments, only the 358', () => {
    const { interchanges } = writePlan(
      [{ kind: 'filing', trip: aTrip({ shipments: [] }) }],
      profile,
      sequentialControlNumbers(),
      FIXED_NOW,
    );
    expect(interchanges.map((p) => [p.interchange.setId, p.scns])).toEqual([['358', []]]);
  });
});
