import type { Rule } from '../rule.js';

/** The section-321 rules, in the order their issues are best read. */
export const SECTION_321_RULES: readonly Rule[] = [];
