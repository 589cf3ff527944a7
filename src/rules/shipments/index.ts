import type { Rule } from '../rule.js';

/** The shipments rules, in the order their issues are best read. */
export const SHIPMENTS_RULES: readonly Rule[] = [];
