import type { Rule } from '../rule.js';
import { shipmentsOf } from '../support/shipments.js';
import { checkAddress, checkParty, PARTY_ISSUES } from './check-party.js';

/**
 * Shipper and consignee each need a name and a full address; a broker's address, when given,
 * is held to the same address rules. A missing party is SHIPMENT_SHIPPER_REQUIRED /
 * SHIPMENT_CONSIGNEE_REQUIRED, so nothing is said here about it.
 */
export const partyAddressRule: Rule = {
  id: 'party-address',
  issues: PARTY_ISSUES,
  check(document) {
    return shipmentsOf(document).flatMap(({ shipment, path }) => [
      ...(shipment.shipper === undefined
        ? []
        : checkParty('Shipper', shipment.shipper, path, 'shipper')),
      ...(shipment.consignee === undefined
        ? []
        : checkParty('Consignee', shipment.consignee, path, 'consignee')),
      ...(shipment.broker?.address === undefined
        ? []
        : checkAddress('Broker', shipment.broker.address, path, 'broker', 'address')),
    ]);
  },
};
