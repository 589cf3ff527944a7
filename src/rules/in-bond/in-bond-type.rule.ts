import { IN_BOND_TYPES, isOneOf } from '../../codes/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { carrierInBonds } from './in-bond-shipments.js';
import { IN_BOND_REGULATIONS } from '../sources.js';

const TYPE_REQUIRED: IssueDefinition = {
  code: 'IN_BOND_TYPE_REQUIRED',
  severity: 'error',
  title: 'An in-bond shipment has no in-bond type',
  fix: 'Choose 61 (immediate transportation), 62 (transportation and exportation) or 63 (immediate exportation).',
  source: IN_BOND_REGULATIONS,
};

const TYPE_UNKNOWN: IssueDefinition = {
  code: 'IN_BOND_TYPE_UNKNOWN',
  severity: 'error',
  title: 'The in-bond type is not 61, 62 or 63',
  fix: 'Choose 61 (immediate transportation), 62 (transportation and exportation) or 63 (immediate exportation).',
  source: IN_BOND_REGULATIONS,
};

/** The in-bond type says whether the goods are entered at destination (61) or leave the U.S. (62/63). */
export const inBondTypeRule: Rule = {
  id: 'in-bond-type',
  issues: [TYPE_REQUIRED, TYPE_UNKNOWN],
  check(document) {
    return carrierInBonds(document).flatMap(({ inBond, path }) => {
      const at = childPointer(path, 'type');
      if (isBlank(inBond.type)) {
        return [raise(TYPE_REQUIRED, at, 'The in-bond shipment has no in-bond type.')];
      }
      if (!isOneOf(IN_BOND_TYPES, inBond.type)) {
        return [raise(TYPE_UNKNOWN, at, `"${inBond.type}" is not an in-bond type (61, 62 or 63).`)];
      }
      return [];
    });
  },
};
