import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import {
  citing,
  section321Law,
  section321Shipments,
  usd,
  valueInCents,
} from './section-321-law.js';

const VALUE_OVER_LIMIT: IssueDefinition = {
  code: 'SECTION_321_VALUE_OVER_LIMIT',
  severity: 'error',
  title: 'The Section 321 shipment is worth more than the de minimis limit',
  fix: "Check the commodity values; if they are right, file the goods as PAPS with a customs broker's entry.",
  source: '19 U.S.C. 1321(a)(2)(C); 19 CFR 10.151; the value limit in force (regulation table)',
};

/**
 * A Section 321 shipment is worth no more than the limit in force at arrival: US$800 since
 * 2016-03-10, US$200 before (19 U.S.C. 1321; Pub. L. 114-125 §901). The limit is read from the
 * regulation table, never from code.
 */
export const section321ValueRule: Rule = {
  id: 'section-321-value',
  issues: [VALUE_OVER_LIMIT],
  check(document, context) {
    const shipments = section321Shipments(document);
    if (shipments.length === 0) return [];
    const law = section321Law(document, context);
    const limit = law.valueLimit;
    if (law.refusal !== undefined || limit === undefined) return [];
    const limitCents = Math.round(limit.limitUsd * 100);
    return shipments.flatMap((located) => {
      const cents = valueInCents(located);
      if (cents <= limitCents) return [];
      return [
        citing(
          raise(
            VALUE_OVER_LIMIT,
            childPointer(located.path, 'commodities'),
            `The commodities of this Section 321 shipment are worth ${usd(cents)}, over the ${usd(limitCents)} limit in force ${law.when}.`,
          ),
          limit.source,
        ),
      ];
    });
  },
};
