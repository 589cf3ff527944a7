import type { Rule } from '../rule.js';
import { etaFarAheadRule } from './eta-far-ahead.rule.js';
import { filingLeadTimeRule } from './filing-lead-time.rule.js';

/** The timing rules, in the order their issues are best read. */
export const TIMING_RULES: readonly Rule[] = [filingLeadTimeRule, etaFarAheadRule];
