import { findShipmentType, SHIPMENT_TYPES } from '../../codes/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank, shipmentsOf } from '../support/shipments.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS, ACE_SHIPMENT_TYPE_CODES, cite } from '../sources.js';

const TYPE_REQUIRED: IssueDefinition = {
  code: 'SHIPMENT_TYPE_REQUIRED',
  severity: 'error',
  title: 'The shipment type is missing',
  fix: 'Choose how the goods are released: PAPS when a customs broker files the entry, otherwise the type that matches the paperwork.',
  source: cite(ACE_HIGHWAY_CARRIER_REQUIREMENTS, ACE_SHIPMENT_TYPE_CODES),
};

const TYPE_UNKNOWN: IssueDefinition = {
  code: 'SHIPMENT_TYPE_UNKNOWN',
  severity: 'error',
  title: 'The shipment type is not one ACE knows',
  fix: `Use one of ${SHIPMENT_TYPES.map((type) => type.code).join(', ')}.`,
  source: ACE_SHIPMENT_TYPE_CODES,
};

/** Every shipment declares its type: it decides which data CBP requires and who files the entry. */
export const shipmentTypeRule: Rule = {
  id: 'shipment-type',
  issues: [TYPE_REQUIRED, TYPE_UNKNOWN],
  check(document) {
    return shipmentsOf(document).flatMap(({ shipment, path }) => {
      const at = childPointer(path, 'type');
      if (isBlank(shipment.type)) return [raise(TYPE_REQUIRED, at, 'The shipment has no type.')];
      if (findShipmentType(shipment.type) === undefined) {
        return [raise(TYPE_UNKNOWN, at, `"${shipment.type}" is not a shipment type.`)];
      }
      return [];
    });
  },
};
