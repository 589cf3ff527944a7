import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank, shipmentsOf } from '../support/shipments.js';
import { citing, SECTION_321, section321Law, usd, valueInCents } from './section-321-law.js';

const SPLIT_LOT: IssueDefinition = {
  code: 'SECTION_321_SPLIT_LOT',
  severity: 'error',
  title: 'A Section 321 shipment is one lot of an order worth more than the de minimis limit',
  fix: "File the order's shipments as PAPS with a customs broker's entry; an order split into lots cannot use Section 321.",
  source: '19 CFR 10.151',
};

interface Order {
  readonly reference: string;
  count: number;
  cents: number;
  /** Paths of the Section 321 shipments: only they are refused. */
  readonly section321Paths: string[];
}

/**
 * 19 CFR 10.151 excludes "one of several lots covered by a single order or contract" whose
 * total exceeds the limit. Every shipment sharing the `orderReference` counts toward the order's
 * total, whatever its type; only the Section 321 lots are refused. A single shipment over the
 * limit is the value rule's finding, so an order needs two shipments or more.
 */
export const section321SplitLotRule: Rule = {
  id: 'section-321-split-lot',
  acrossShipments: true,
  issues: [SPLIT_LOT],
  check(document, context) {
    const orders = new Map<string, Order>();
    for (const located of shipmentsOf(document)) {
      const reference = located.shipment.orderReference;
      if (isBlank(reference)) continue;
      const key = reference.trim().toUpperCase();
      const order = orders.get(key) ?? {
        reference: reference.trim(),
        count: 0,
        cents: 0,
        section321Paths: [],
      };
      order.count += 1;
      order.cents += valueInCents(located);
      if (located.shipment.type === SECTION_321) order.section321Paths.push(located.path);
      orders.set(key, order);
    }
    const candidates = [...orders.values()].filter(
      (order) => order.count > 1 && order.section321Paths.length > 0,
    );
    if (candidates.length === 0) return [];

    const law = section321Law(document, context);
    const limit = law.valueLimit;
    if (law.refusal !== undefined || limit === undefined) return [];
    const limitCents = Math.round(limit.limitUsd * 100);
    return candidates
      .filter((order) => order.cents > limitCents)
      .flatMap((order) => {
        const message = `Order "${order.reference}" is split into ${order.count} shipments worth ${usd(order.cents)} together, over the ${usd(limitCents)} limit in force ${law.when}, so its lots cannot enter under Section 321.`;
        return order.section321Paths.map((path) =>
          citing(
            raise(SPLIT_LOT, childPointer(path, 'orderReference'), message),
            limit.source,
            '19 CFR 10.151',
          ),
        );
      });
  },
};
