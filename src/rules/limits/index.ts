import type { Rule } from '../rule.js';
import { documentSizeRule } from './document-size.rule.js';
import { fieldBoundsRule } from './field-bounds.rule.js';

/** Size limits of the whole document: counts of lines, lengths of texts, ranges of numbers. */
export const LIMITS_RULES: readonly Rule[] = [documentSizeRule, fieldBoundsRule];
