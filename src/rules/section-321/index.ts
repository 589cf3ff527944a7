import type { Rule } from '../rule.js';
import { section321AvailabilityRule } from './section-321-availability.rule.js';
import { section321ConsigneeDayRule } from './section-321-consignee-day.rule.js';
import { section321ConsigneeUsRule } from './section-321-consignee-us.rule.js';
import { section321OriginRule } from './section-321-origin.rule.js';
import { section321SplitLotRule } from './section-321-split-lot.rule.js';
import { section321ValueRule } from './section-321-value.rule.js';

/**
 * The section-321 rules, in the order their issues are best read. While Section 321 is
 * suspended or repealed only the availability rule speaks, one issue per shipment.
 */
export const SECTION_321_RULES: readonly Rule[] = [
  section321AvailabilityRule,
  section321ValueRule,
  section321ConsigneeDayRule,
  section321SplitLotRule,
  section321OriginRule,
  section321ConsigneeUsRule,
];
