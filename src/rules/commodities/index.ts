import type { Rule } from '../rule.js';

/** The commodities rules, in the order their issues are best read. */
export const COMMODITIES_RULES: readonly Rule[] = [];
