import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { shipmentsOf } from '../support/shipments.js';
import { TRUCK_CARGO_ADVANCE_INFO } from '../sources.js';

const SHIPPER_REQUIRED: IssueDefinition = {
  code: 'SHIPMENT_SHIPPER_REQUIRED',
  severity: 'error',
  title: 'The shipment has no shipper',
  fix: 'Add the shipper (name and address) from the bill of lading.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const CONSIGNEE_REQUIRED: IssueDefinition = {
  code: 'SHIPMENT_CONSIGNEE_REQUIRED',
  severity: 'error',
  title: 'The shipment has no consignee',
  fix: 'Add the consignee (name and address) from the bill of lading.',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

/**
 * Every shipment names its shipper and consignee. Their contents are checked by the parties
 * rules, which stay silent when the party is missing altogether.
 */
export const shipmentPartiesRule: Rule = {
  id: 'shipment-parties',
  issues: [SHIPPER_REQUIRED, CONSIGNEE_REQUIRED],
  check(document) {
    // A loop, not a flatMap of spread arrays: a trip of 100,000 shipments, nearly all complete.
    const issues = [];
    for (const { shipment, path } of shipmentsOf(document)) {
      if (shipment.shipper === undefined) {
        issues.push(
          raise(SHIPPER_REQUIRED, childPointer(path, 'shipper'), 'The shipment has no shipper.'),
        );
      }
      if (shipment.consignee === undefined) {
        issues.push(
          raise(
            CONSIGNEE_REQUIRED,
            childPointer(path, 'consignee'),
            'The shipment has no consignee.',
          ),
        );
      }
    }
    return issues;
  },
};
