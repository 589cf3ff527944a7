import type { Rule } from '../rule.js';

/** The in-bond rules, in the order their issues are best read. */
export const IN_BOND_RULES: readonly Rule[] = [];
