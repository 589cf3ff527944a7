import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { commoditiesOf } from '../support/shipments.js';
import { citing, section321Law, section321Shipments } from './section-321-law.js';

const ORIGIN_EXCLUDED: IssueDefinition = {
  code: 'SECTION_321_ORIGIN_EXCLUDED',
  severity: 'error',
  title: 'Goods of this origin may not enter under Section 321 on this arrival',
  fix: "File the shipment as PAPS with a customs broker's entry (formal or informal entry with duties).",
  source: 'EO 14195; EO 14256; ACE truck error 470 (CSMS #64825584)',
};

/**
 * Goods of China and Hong Kong lost de minimis on 2025-02-04 (EO 14195, restored by EO 14200)
 * and for good on 2025-05-02 (EO 14256); ACE answered truck filings with error 470
 * "Inv Ctry of Orig for Shp" (CSMS #64825584). The origins and windows come from the
 * regulation table's origin-excluded rows.
 */
export const section321OriginRule: Rule = {
  id: 'section-321-origin',
  issues: [ORIGIN_EXCLUDED],
  check(document, context) {
    const shipments = section321Shipments(document);
    if (shipments.length === 0) return [];
    const law = section321Law(document, context);
    if (law.refusal !== undefined || law.excludedOrigins.size === 0) return [];
    return shipments.flatMap(commoditiesOf).flatMap((located) => {
      const origin = located.commodity.countryOfOrigin?.trim().toUpperCase();
      const row = origin === undefined ? undefined : law.excludedOrigins.get(origin);
      if (row === undefined) return [];
      return [
        citing(
          raise(
            ORIGIN_EXCLUDED,
            childPointer(located.path, 'countryOfOrigin'),
            `Goods of origin "${origin}" may not enter under Section 321 ${law.when}; ACE refuses them with error 470 'Inv Ctry of Orig for Shp'.`,
          ),
          row.source,
        ),
      ];
    });
  },
};
