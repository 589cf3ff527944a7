import type { Rule } from '../rule.js';

/** The crew rules, in the order their issues are best read. */
export const CREW_RULES: readonly Rule[] = [];
