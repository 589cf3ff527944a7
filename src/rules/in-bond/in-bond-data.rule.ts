import { findShipmentType } from '../../codes/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { shipmentsOf } from '../support/shipments.js';
import { ACE_SHIPMENT_TYPE_CODES, IN_BOND_REGULATIONS, cite } from '../sources.js';

const DATA_REQUIRED: IssueDefinition = {
  code: 'IN_BOND_DATA_REQUIRED',
  severity: 'error',
  title: 'An in-bond shipment has no in-bond data',
  fix: 'Enter the in-bond number, type (61, 62 or 63), U.S. destination port and, for 62/63, the foreign destination.',
  source: IN_BOND_REGULATIONS,
};

const DATA_UNEXPECTED: IssueDefinition = {
  code: 'IN_BOND_DATA_UNEXPECTED',
  severity: 'warning',
  title: 'In-bond data is given for a shipment that is not a carrier-filed in-bond',
  fix: 'Remove the in-bond data, or change the shipment type to IN_BOND if the carrier files the in-bond.',
  source: cite(`${ACE_SHIPMENT_TYPE_CODES} (QP_IN_BOND)`, IN_BOND_REGULATIONS),
};

/**
 * A carrier-filed in-bond (type IN_BOND) carries its movement data. Any other type carrying it
 * is suspicious: a QP in-bond is filed by the broker through ABI and the carrier must never file
 * an ACE in-bond for it as well (shipment-types.csv), and other types are not moved under bond.
 */
export const inBondDataRule: Rule = {
  id: 'in-bond-data',
  issues: [DATA_REQUIRED, DATA_UNEXPECTED],
  check(document) {
    return shipmentsOf(document).flatMap(({ shipment, path }) => {
      const { type, inBond } = shipment;
      if (type === 'IN_BOND') {
        return inBond === undefined
          ? [
              raise(
                DATA_REQUIRED,
                childPointer(path, 'inBond'),
                'The in-bond shipment has no in-bond data (in-bond type, number and destination).',
              ),
            ]
          : [];
      }
      // An unknown type is SHIPMENT_TYPE_UNKNOWN; guessing what was meant would only add noise.
      if (inBond === undefined || type === undefined || findShipmentType(type) === undefined) {
        return [];
      }
      return [
        raise(
          DATA_UNEXPECTED,
          childPointer(path, 'inBond'),
          type === 'QP_IN_BOND'
            ? 'The QP in-bond shipment carries in-bond data, but the broker files QP in-bonds; the carrier must not file it again.'
            : `The shipment of type ${findShipmentType(type)?.name ?? type} carries in-bond data, which is not sent for that type.`,
        ),
      ];
    });
  },
};
