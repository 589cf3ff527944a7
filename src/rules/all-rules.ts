import type { Rule } from './rule.js';
import { IDENTIFIERS_RULES } from './identifiers/index.js';
import { TIMING_RULES } from './timing/index.js';
import { PARTIES_RULES } from './parties/index.js';
import { SHIPMENTS_RULES } from './shipments/index.js';
import { COMMODITIES_RULES } from './commodities/index.js';
import { SECTION_321_RULES } from './section-321/index.js';
import { IN_BOND_RULES } from './in-bond/index.js';
import { CREW_RULES } from './crew/index.js';
import { CONVEYANCE_RULES } from './conveyance/index.js';
import { LIMITS_RULES } from './limits/index.js';

/** Every rule the engine runs by default, trip-level first, then shipments and their goods. */
export const ALL_RULES: readonly Rule[] = [
  ...IDENTIFIERS_RULES,
  ...TIMING_RULES,
  ...CONVEYANCE_RULES,
  ...CREW_RULES,
  ...SHIPMENTS_RULES,
  ...PARTIES_RULES,
  ...COMMODITIES_RULES,
  ...SECTION_321_RULES,
  ...IN_BOND_RULES,
  ...LIMITS_RULES,
];
