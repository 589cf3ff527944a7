import type { Rule } from '../rule.js';
import { inBondCommoditiesRule } from './in-bond-commodities.rule.js';
import { inBondDataRule } from './in-bond-data.rule.js';
import { inBondDestinationRule } from './in-bond-destination.rule.js';
import { inBondFirmsCodeRule } from './in-bond-firms-code.rule.js';
import { inBondNumberRule } from './in-bond-number.rule.js';
import { inBondTypeRule } from './in-bond-type.rule.js';

/** The in-bond rules, in the order their issues are best read. */
export const IN_BOND_RULES: readonly Rule[] = [
  inBondDataRule,
  inBondNumberRule,
  inBondTypeRule,
  inBondDestinationRule,
  inBondFirmsCodeRule,
  inBondCommoditiesRule,
];
