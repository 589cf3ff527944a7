import type { Rule } from '../rule.js';

/** The timing rules, in the order their issues are best read. */
export const TIMING_RULES: readonly Rule[] = [];
