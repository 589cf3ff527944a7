import { describe, expect, it } from 'vitest';
import type { ManifestDocument } from '../../domain/index.js';
import {
  aCommodity,
  aConsignee,
  aSection321Shipment,
  aShipment,
  aTripArrivingIn2024,
  FIXED_NOW,
  FIXED_NOW_2024,
  issuesOf,
} from '../../../test/builders.js';
import { DEFAULT_REGULATIONS } from '../regulations/default-regulations.js';
import type { RegulationTable } from '../regulations/regulation-table.js';

function section321Issues(
  document: ManifestDocument,
  now: Date = FIXED_NOW_2024,
  regulations?: RegulationTable,
) {
  return issuesOf(document, { now, regulations }).filter((issue) =>
    issue.code.startsWith('SECTION_321_'),
  );
}

function arriving(eta: string, usPortOfArrival = '0901') {
  return aTripArrivingIn2024({
    usPortOfArrival,
    estimatedArrivalDateTime: eta,
    shipments: [aSection321Shipment()],
  });
}

describe('section-321-availability rule', () => {
  it('lets a Section 321 shipment arriving in 2024 pass every rule', () => {
    expect(issuesOf(arriving('2024-06-12 12:00:00'), { now: FIXED_NOW_2024 })).toEqual([]);
  });

  it('lets a Section 321 shipment arriving at 00:00 ET on 2025-08-29 pass: the order takes effect at 00:01', () => {
    expect(section321Issues(arriving('2025-08-29 00:00:00'))).toEqual([]);
  });

  it('refuses a Section 321 shipment arriving at 00:02 ET on 2025-08-29, explaining what to file instead', () => {
    const issues = section321Issues(arriving('2025-08-29 00:02:00'));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'SECTION_321_SUSPENDED',
        severity: 'error',
        path: '/shipments/0/type',
        source: 'EO 14324; CSMS #66065494; 90 FR 42418',
      }),
    ]);
    const message = issues[0]?.message ?? '';
    expect(message).toContain('EO 14324');
    expect(message).toContain('CSMS #66065494');
    expect(message).toContain("PAPS with a customs broker's entry");
    expect(message).toContain('2025-08-29 00:02 EDT');
  });

  it('compares instants: 21:30 Pacific at Blaine on 2025-08-28 is 00:30 ET on the 29th', () => {
    const issues = section321Issues(arriving('2025-08-28 21:30:00', '3004'));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'SECTION_321_SUSPENDED', path: '/shipments/0/type' }),
    ]);
    expect(issues[0]?.message).toContain('2025-08-28 21:30 PDT at Blaine (2025-08-29 00:30 EDT)');
    expect(section321Issues(arriving('2025-08-28 20:59:00', '3004'))).toEqual([]);
  });

  it('raises one focused issue per shipment, without the other Section 321 findings', () => {
    const trip = aTripArrivingIn2024({
      estimatedArrivalDateTime: '2026-01-15 10:00:00',
      shipments: [
        aSection321Shipment({
          commodities: [aCommodity({ value: 5000, countryOfOrigin: 'CN' })],
          consignee: aConsignee({ address: { country: 'CA', stateProvince: 'ON' } }),
        }),
        aShipment(),
        aSection321Shipment({ shipmentControlNumber: 'DEMO0001000322' }),
      ],
    });
    expect(section321Issues(trip).map((issue) => [issue.code, issue.path])).toEqual([
      ['SECTION_321_SUSPENDED', '/shipments/0/type'],
      ['SECTION_321_SUSPENDED', '/shipments/2/type'],
    ]);
  });

  it('refuses arrivals from 2027-07-01 by the statutory repeal, once', () => {
    const issues = section321Issues(arriving('2027-07-01 08:00:00'));
    expect(issues.map((issue) => issue.code)).toEqual(['SECTION_321_REPEALED']);
    expect(issues[0]?.message).toContain('Pub. L. 119-21');
    expect(issues[0]?.message).toContain("PAPS with a customs broker's entry");
    expect(issues[0]?.source).toContain('Pub. L. 119-21');
  });

  it('judges a shipment list at now, and says so', () => {
    const list: ManifestDocument = { data: 'ACE_SHIPMENT', shipments: [aSection321Shipment()] };
    expect(section321Issues(list, FIXED_NOW_2024)).toEqual([]);
    const issues = section321Issues(list, FIXED_NOW);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'SECTION_321_SUSPENDED', path: '/shipments/0/type' }),
    ]);
    expect(issues[0]?.message).toContain('judged at the current time');
  });

  it('judges a trip whose ETA cannot be read at now, and says so', () => {
    const issues = section321Issues(arriving('next Tuesday'), FIXED_NOW);
    expect(issues.map((issue) => issue.code)).toEqual(['SECTION_321_SUSPENDED']);
    expect(issues[0]?.message).toContain('the trip has no readable ETA');
  });

  it('follows a replaced regulation table: without the suspension the shipment passes', () => {
    const withoutSuspension: RegulationTable = {
      ...DEFAULT_REGULATIONS,
      section321: DEFAULT_REGULATIONS.section321.filter((row) => row.kind !== 'suspended'),
    };
    const trip = arriving('2026-01-15 10:00:00');
    expect(section321Issues(trip).map((issue) => issue.code)).toEqual(['SECTION_321_SUSPENDED']);
    expect(section321Issues(trip, FIXED_NOW_2024, withoutSuspension)).toEqual([]);
  });

  it('leaves PAPS shipments alone', () => {
    const trip = aTripArrivingIn2024({ estimatedArrivalDateTime: '2026-01-15 10:00:00' });
    expect(section321Issues(trip)).toEqual([]);
  });
});
