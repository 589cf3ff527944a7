import type { Rule } from '../rule.js';
import { carrierScacRule } from './carrier-scac.rule.js';
import { estimatedArrivalRule } from './estimated-arrival.rule.js';
import { portOfArrivalRule } from './port-of-arrival.rule.js';
import { shipmentControlNumberUniqueRule } from './shipment-control-number-unique.rule.js';
import { shipmentControlNumberRule } from './shipment-control-number.rule.js';
import { tripNumberRule } from './trip-number.rule.js';

/** The identifiers rules, in the order their issues are best read. */
export const IDENTIFIERS_RULES: readonly Rule[] = [
  carrierScacRule,
  tripNumberRule,
  portOfArrivalRule,
  estimatedArrivalRule,
  shipmentControlNumberRule,
  shipmentControlNumberUniqueRule,
];
