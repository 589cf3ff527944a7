import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { carrierInBonds } from './in-bond-shipments.js';
import { IN_BOND_REGULATIONS } from '../sources.js';

const NUMBER_REQUIRED: IssueDefinition = {
  code: 'IN_BOND_NUMBER_REQUIRED',
  severity: 'error',
  title: 'An in-bond shipment has no in-bond number',
  fix: "Enter the 9-digit in-bond control number from the carrier's CBP-issued range.",
  source: IN_BOND_REGULATIONS,
};

const NUMBER_FORMAT: IssueDefinition = {
  code: 'IN_BOND_NUMBER_FORMAT',
  severity: 'error',
  title: 'The in-bond number is not 9 digits',
  fix: 'Enter exactly 9 digits, without spaces or dashes.',
  source: IN_BOND_REGULATIONS,
};

const NUMBER = /^\d{9}$/;

/** Each carrier-filed in-bond movement is identified by a 9-digit in-bond number. */
export const inBondNumberRule: Rule = {
  id: 'in-bond-number',
  issues: [NUMBER_REQUIRED, NUMBER_FORMAT],
  check(document) {
    return carrierInBonds(document).flatMap(({ inBond, path }) => {
      const at = childPointer(path, 'number');
      if (isBlank(inBond.number)) {
        return [raise(NUMBER_REQUIRED, at, 'The in-bond shipment has no in-bond number.')];
      }
      if (!NUMBER.test(inBond.number)) {
        return [raise(NUMBER_FORMAT, at, `"${inBond.number}" is not a 9-digit in-bond number.`)];
      }
      return [];
    });
  },
};
