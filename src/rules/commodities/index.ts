import type { Rule } from '../rule.js';
import { commodityCountryOfOriginRule } from './commodity-country-of-origin.rule.js';
import { commodityDescriptionRule } from './commodity-description.rule.js';
import { commodityHarmonizedCodeRule } from './commodity-harmonized-code.rule.js';
import { commodityLoadedOnRule } from './commodity-loaded-on.rule.js';
import { commodityPackagingUnitRule } from './commodity-packaging-unit.rule.js';
import { commodityQuantityRule } from './commodity-quantity.rule.js';
import { commodityValueRule } from './commodity-value.rule.js';
import { commodityWeightRule } from './commodity-weight.rule.js';
import { hazmatRule } from './hazmat.rule.js';

/** The commodities rules, in the order their issues are best read. */
export const COMMODITIES_RULES: readonly Rule[] = [
  commodityLoadedOnRule,
  commodityDescriptionRule,
  commodityQuantityRule,
  commodityPackagingUnitRule,
  commodityWeightRule,
  commodityValueRule,
  commodityCountryOfOriginRule,
  commodityHarmonizedCodeRule,
  hazmatRule,
];
