import type { Rule } from '../rule.js';
import { portOfArrivalRule } from './port-of-arrival.rule.js';

/** The identifiers rules, in the order their issues are best read. */
export const IDENTIFIERS_RULES: readonly Rule[] = [portOfArrivalRule];
