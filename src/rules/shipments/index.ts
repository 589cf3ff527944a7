import type { Rule } from '../rule.js';
import { brokerRule } from './broker.rule.js';
import { provinceOfLoadingRule } from './province-of-loading.rule.js';
import { shipmentCommoditiesRule } from './shipment-commodities.rule.js';
import { shipmentPartiesRule } from './shipment-parties.rule.js';
import { shipmentTypeRule } from './shipment-type.rule.js';

/** The shipments rules, in the order their issues are best read. */
export const SHIPMENTS_RULES: readonly Rule[] = [
  shipmentTypeRule,
  provinceOfLoadingRule,
  shipmentPartiesRule,
  shipmentCommoditiesRule,
  brokerRule,
];
