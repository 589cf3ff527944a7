import type { Party } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import type { LocatedShipment } from '../support/shipments.js';
import {
  citing,
  section321Law,
  section321Shipments,
  usd,
  valueInCents,
} from './section-321-law.js';

const CONSIGNEE_DAY_OVER_LIMIT: IssueDefinition = {
  code: 'SECTION_321_CONSIGNEE_DAY_OVER_LIMIT',
  severity: 'error',
  title: 'Section 321 shipments to one consignee on one day exceed the de minimis limit',
  fix: "Move some of the consignee's shipments to another day, or file them as PAPS with a customs broker's entry.",
  source: '19 CFR 10.151; CSMS #62931096 (disposition 95)',
};

function squeeze(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, '').toLowerCase();
}

/**
 * One person on one day: name, street and postal code identify the consignee, ignoring case and
 * spaces, since the same buyer is typed differently from one order to the next.
 */
function consigneeKey(consignee: Party | undefined): string | undefined {
  const parts = [
    squeeze(consignee?.name),
    squeeze(consignee?.address?.addressLine),
    squeeze(consignee?.address?.postalCode),
  ];
  return parts.every((part) => part === '') ? undefined : parts.join('\u0000');
}

/**
 * The limit applies to "articles imported by one person on one day" (19 CFR 10.151), across
 * shipments: CBP answers a consignee's daily total over the limit with disposition 95
 * (CSMS #62931096). Every shipment of a document arrives on the same day, so grouping by
 * consignee is grouping by consignee and day. A single shipment over the limit is the value
 * rule's finding, so a group needs two shipments or more.
 */
export const section321ConsigneeDayRule: Rule = {
  id: 'section-321-consignee-day',
  acrossShipments: true,
  issues: [CONSIGNEE_DAY_OVER_LIMIT],
  check(document, context) {
    const shipments = section321Shipments(document);
    if (shipments.length < 2) return [];
    const law = section321Law(document, context);
    const limit = law.valueLimit;
    if (law.refusal !== undefined || limit === undefined) return [];
    const limitCents = Math.round(limit.limitUsd * 100);

    const groups = new Map<string, { shipments: LocatedShipment[]; cents: number }>();
    for (const located of shipments) {
      const key = consigneeKey(located.shipment.consignee);
      if (key === undefined) continue;
      const group = groups.get(key) ?? { shipments: [], cents: 0 };
      group.shipments.push(located);
      group.cents += valueInCents(located);
      groups.set(key, group);
    }

    const overLimit = `for arrival on ${law.arrivalDay}, over the ${usd(limitCents)} daily limit; CBP flags this as disposition 95 (CSMS #62931096).`;
    return [...groups.values()]
      .filter((group) => group.shipments.length > 1 && group.cents > limitCents)
      .flatMap((group) => {
        const together = `${group.shipments.length} Section 321 shipments worth ${usd(group.cents)}`;
        return group.shipments.map((located) =>
          citing(
            raise(
              CONSIGNEE_DAY_OVER_LIMIT,
              childPointer(located.path, 'consignee'),
              `Consignee "${located.shipment.consignee?.name ?? ''}" receives ${together} ${overLimit}`,
            ),
            limit.source,
            '19 CFR 10.151',
            'CSMS #62931096',
          ),
        );
      });
  },
};
