import type { Rule } from '../rule.js';
import { equipmentTypeRule } from './equipment-type.rule.js';
import { hazmatInsuranceRule } from './hazmat-insurance.rule.js';
import { instrumentsOfInternationalTrafficRule } from './instruments-of-international-traffic.rule.js';
import { licensePlatesRule } from './license-plates.rule.js';
import { trailerNumberRule } from './trailer-number.rule.js';
import { truckRule } from './truck.rule.js';
import { vinRule } from './vin.rule.js';

/** The conveyance rules, in the order their issues are best read. */
export const CONVEYANCE_RULES: readonly Rule[] = [
  truckRule,
  vinRule,
  hazmatInsuranceRule,
  trailerNumberRule,
  equipmentTypeRule,
  licensePlatesRule,
  instrumentsOfInternationalTrafficRule,
];
