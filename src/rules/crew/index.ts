import type { Rule } from '../rule.js';
import { crewBiographicDataRule } from './crew-biographic-data.rule.js';
import { crewNamesRule } from './crew-names.rule.js';
import { driverRequiredRule } from './driver-required.rule.js';
import { fastCardRule } from './fast-card.rule.js';
import { requiredTravelDocumentsRule } from './required-travel-documents.rule.js';
import { travelDocumentRule } from './travel-document.rule.js';

/** The crew rules, in the order their issues are best read. */
export const CREW_RULES: readonly Rule[] = [
  driverRequiredRule,
  crewNamesRule,
  fastCardRule,
  crewBiographicDataRule,
  requiredTravelDocumentsRule,
  travelDocumentRule,
];
