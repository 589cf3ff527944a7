import type { Issue } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank, shipmentsOf } from '../support/shipments.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS } from '../sources.js';

const SCN_DUPLICATE: IssueDefinition = {
  code: 'SCN_DUPLICATE',
  severity: 'error',
  title: 'Two shipments in the document have the same SCN',
  fix: 'Give each shipment its own SCN; an SCN must never be reused (CBP expects it unique for at least 3 years).',
  source: `${ACE_HIGHWAY_CARRIER_REQUIREMENTS} (SCN unique for at least 3 years)`,
};

/**
 * No SCN appears twice in one document. ACE answers a reused SCN with "Shipment Already on
 * File" and holds the truck (CBP ACE eManifest: Highway Carrier Requirements), so it is refused locally
 * before anything is sent. Every repeat is reported, each naming the first use.
 */
export const shipmentControlNumberUniqueRule: Rule = {
  id: 'shipment-control-number-unique',
  acrossShipments: true,
  issues: [SCN_DUPLICATE],
  check(document) {
    const firstUse = new Map<string, number>();
    const issues: Issue[] = [];
    for (const { shipment, index, path } of shipmentsOf(document)) {
      if (isBlank(shipment.shipmentControlNumber)) continue;
      // Surrounding white space does not make a different SCN; SCN_FORMAT reports it anyway.
      const scn = shipment.shipmentControlNumber.trim();
      const first = firstUse.get(scn);
      if (first === undefined) {
        firstUse.set(scn, index);
        continue;
      }
      issues.push(
        raise(
          SCN_DUPLICATE,
          childPointer(path, 'shipmentControlNumber'),
          `SCN "${scn}" is already used by shipment ${first + 1}; every shipment needs its own SCN.`,
        ),
      );
    }
    return issues;
  },
};
