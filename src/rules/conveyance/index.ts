import type { Rule } from '../rule.js';

/** The conveyance rules, in the order their issues are best read. */
export const CONVEYANCE_RULES: readonly Rule[] = [];
