import { describe, expect, it } from 'vitest';
import type { ManifestDocument, ShipmentDocument } from '../../domain/index.js';
import type { ValidationOptions } from '../engine.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';

function shipmentList(...scns: string[]): ShipmentDocument {
  return {
    data: 'ACE_SHIPMENT',
    shipments: scns.map((shipmentControlNumber) => aShipment({ shipmentControlNumber })),
  };
}

function pathsOf(
  document: ManifestDocument,
  code: string,
  options: Partial<ValidationOptions> = {},
) {
  return issuesOf(document, options)
    .filter((issue) => issue.code === code)
    .map((issue) => issue.path);
}

const SCN_CODES = ['SCN_REQUIRED', 'SCN_FORMAT', 'SCN_SCAC_MISMATCH', 'SCN_PREFIX_MIXED'];

describe('shipment-control-number rule', () => {
  it.each(['DEMO0001000001', 'DEMO1234', 'DEMO' + '9'.repeat(12)])('accepts %s', (scn) => {
    const issues = issuesOf(aTrip({ shipments: [aShipment({ shipmentControlNumber: scn })] }));
    expect(issues.filter((issue) => SCN_CODES.includes(issue.code))).toEqual([]);
  });

  it('refuses a shipment without an SCN, at that shipment', () => {
    const trip = aTrip({
      shipments: [aShipment(), aShipment({ shipmentControlNumber: ' ' })],
    });
    expect(pathsOf(trip, 'SCN_REQUIRED')).toEqual(['/shipments/1/shipmentControlNumber']);
  });

  it.each([
    ['demo0001000001', 'lower-case'],
    ['DEMO-0001-0001', 'dashes'],
    ['DEMO 0001', 'spaces'],
    ['DEMO0001/01', 'other than letters and digits'],
    ['1234DEMO5678', 'SCAC'],
    ['DEMO123', '7 characters'],
    ['DEMO' + '1'.repeat(13), '17 characters'],
  ])('refuses SCN %s (%s)', (shipmentControlNumber, explanation) => {
    const issues = issuesOf(aTrip({ shipments: [aShipment({ shipmentControlNumber })] }));
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'SCN_FORMAT',
        path: '/shipments/0/shipmentControlNumber',
        message: expect.stringContaining(explanation) as unknown,
      }),
    );
  });

  it('refuses an SCN that does not start with the SCAC of the trip number', () => {
    const trip = aTrip({
      tripNumber: 'DEMO2026112801',
      shipments: [aShipment(), aShipment({ shipmentControlNumber: 'ABCD0001000002' })],
    });
    expect(pathsOf(trip, 'SCN_SCAC_MISMATCH')).toEqual(['/shipments/1/shipmentControlNumber']);
  });

  it("compares with the carrier's SCAC (the company's, or --scac), in words for any reader", () => {
    const trip = aTrip({ tripNumber: 'ABCD2026112801' });
    const issue = issuesOf(trip, { scac: 'ABCD' }).find((i) => i.code === 'SCN_SCAC_MISMATCH');
    expect(issue?.path).toBe('/shipments/0/shipmentControlNumber');
    // Read in the web app and the API too: no command-line flag in it.
    expect(issue?.message).toBe(
      `SCN "${aShipment().shipmentControlNumber ?? ''}" does not start with the carrier's SCAC "ABCD".`,
    );
  });

  it('says when the SCAC it compares with was taken from the trip number', () => {
    const trip = aTrip({
      tripNumber: 'DEMO2026112801',
      shipments: [aShipment({ shipmentControlNumber: 'ABCD0001000002' })],
    });
    const issue = issuesOf(trip).find((i) => i.code === 'SCN_SCAC_MISMATCH');
    expect(issue?.message).toBe(
      'SCN "ABCD0001000002" does not start with the carrier\'s SCAC "DEMO" (taken from the trip number).',
    );
  });

  it('checks a shipment list against --scac', () => {
    const list = shipmentList('DEMO00000001', 'ABCD00000002');
    expect(pathsOf(list, 'SCN_SCAC_MISMATCH', { scac: 'DEMO' })).toEqual([
      '/shipments/1/shipmentControlNumber',
    ]);
    expect(pathsOf(list, 'SCN_PREFIX_MIXED', { scac: 'DEMO' })).toEqual([]);
  });

  it('warns when a shipment list without --scac mixes SCAC prefixes', () => {
    const list = shipmentList('DEMO00000001', 'DEMO00000002', 'ABCD00000003');
    const issues = issuesOf(list).filter((issue) => issue.code === 'SCN_PREFIX_MIXED');
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '/shipments/2/shipmentControlNumber',
        message: expect.stringContaining('"DEMO"') as unknown,
      }),
    ]);
  });

  it('accepts a shipment list without --scac whose SCNs share one prefix', () => {
    const issues = issuesOf(shipmentList('DEMO00000001', 'DEMO00000002'));
    expect(issues.filter((issue) => SCN_CODES.includes(issue.code))).toEqual([]);
  });
});
