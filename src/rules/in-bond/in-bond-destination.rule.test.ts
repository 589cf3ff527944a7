import { describe, expect, it } from 'vitest';
import type { InBond, ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { inBondDestinationRule } from './in-bond-destination.rule.js';

const check = (document: ManifestDocument) =>
  issuesOf(document, { rules: [inBondDestinationRule] });

const inBond = (data: Partial<InBond>) =>
  aTrip({
    shipments: [
      aShipment({
        type: 'IN_BOND',
        inBond: { number: '123456789', type: '61', destinationPort: '3901', ...data },
      }),
    ],
  });

const at = '/shipments/0/inBond';

describe('in-bond-destination rule', () => {
  it('accepts an IT to an interior port that is not a land-border port', () => {
    expect(check(inBond({ type: '61', destinationPort: '3901' }))).toEqual([]);
  });

  it.each(['62', '63'])('accepts a type %s export with its foreign destination', (type) => {
    expect(check(inBond({ type, destinationPort: '3801', foreignDestination: 'CA' }))).toEqual([]);
  });

  it('refuses an in-bond without a destination port', () => {
    expect(check(inBond({ destinationPort: ' ' }))).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_DESTINATION_PORT_REQUIRED',
        severity: 'error',
        path: `${at}/destinationPort`,
      }),
    ]);
  });

  it.each(['390', '39011', 'CHI1'])('refuses the destination port %j', (destinationPort) => {
    const issues = check(inBond({ destinationPort }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_DESTINATION_PORT_FORMAT',
        path: `${at}/destinationPort`,
      }),
    ]);
    expect(issues[0]?.message).toContain(`"${destinationPort}"`);
  });

  it.each(['62', '63'])('requires a foreign destination for type %s', (type) => {
    expect(check(inBond({ type }))).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_FOREIGN_DESTINATION_REQUIRED',
        path: `${at}/foreignDestination`,
      }),
    ]);
  });

  it('refuses a foreign destination that is not an ISO country', () => {
    expect(check(inBond({ type: '63', foreignDestination: 'CAN' }))).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_FOREIGN_DESTINATION_UNKNOWN',
        path: `${at}/foreignDestination`,
      }),
    ]);
  });

  it('refuses the United States as the foreign destination of an export', () => {
    expect(check(inBond({ type: '62', foreignDestination: 'US' }))).toEqual([
      expect.objectContaining({
        code: 'IN_BOND_FOREIGN_DESTINATION_IS_US',
        path: `${at}/foreignDestination`,
      }),
    ]);
  });
});
