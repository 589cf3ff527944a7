import type { Rule } from '../rule.js';
import { partyAddressRule } from './party-address.rule.js';

/** The parties rules, in the order their issues are best read. */
export const PARTIES_RULES: readonly Rule[] = [partyAddressRule];
