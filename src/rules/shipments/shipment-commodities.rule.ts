import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { shipmentsOf } from '../support/shipments.js';
import { TRUCK_CARGO_ADVANCE_INFO } from '../sources.js';

const COMMODITY_REQUIRED: IssueDefinition = {
  code: 'SHIPMENT_COMMODITY_REQUIRED',
  severity: 'error',
  title: 'The shipment has no commodity',
  fix: 'Add at least one commodity line: description, quantity, packaging unit and weight.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

/**
 * A shipment carries at least one commodity. (A trip with no shipments at all is fine: an empty
 * truck may file a trip-only manifest: CBP ACE eManifest: Highway Carrier Requirements.)
 */
export const shipmentCommoditiesRule: Rule = {
  id: 'shipment-commodities',
  issues: [COMMODITY_REQUIRED],
  check(document) {
    return shipmentsOf(document).flatMap(({ shipment, path }) =>
      (shipment.commodities ?? []).length === 0
        ? [
            raise(
              COMMODITY_REQUIRED,
              childPointer(path, 'commodities'),
              'The shipment lists no commodity.',
            ),
          ]
        : [],
    );
  },
};
