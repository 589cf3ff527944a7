import type { Issue } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank, shipmentsOf } from '../support/shipments.js';
import { carrierScac } from './carrier-scac.js';
import { identifierProblem } from './identifier-format.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS } from '../sources.js';

const SOURCE = `${ACE_HIGHWAY_CARRIER_REQUIREMENTS} (SCN = SCAC + up to 12 characters)`;

const SCN_REQUIRED: IssueDefinition = {
  code: 'SCN_REQUIRED',
  severity: 'error',
  title: 'A shipment has no Shipment Control Number (SCN)',
  fix: "Give the shipment its SCN: the carrier's SCAC followed by 4–12 letters or digits, the same one the broker files the entry against.",
  source: SOURCE,
};

const SCN_FORMAT: IssueDefinition = {
  code: 'SCN_FORMAT',
  severity: 'error',
  title: 'The SCN is not SCAC + 4–12 upper-case letters or digits',
  fix: "Write the SCN as the carrier's SCAC followed by 4–12 upper-case letters or digits (8–16 characters), without spaces or dashes.",
  source: SOURCE,
};

const SCN_SCAC_MISMATCH: IssueDefinition = {
  code: 'SCN_SCAC_MISMATCH',
  severity: 'error',
  title: "The SCN does not start with the carrier's SCAC",
  fix: "Use an SCN that starts with the carrier's own SCAC. If the SCAC itself is wrong, correct the trip number (on the command line: --scac).",
  source: SOURCE,
};

const SCN_PREFIX_MIXED: IssueDefinition = {
  code: 'SCN_PREFIX_MIXED',
  severity: 'warning',
  title: 'The SCNs of one carrier start with different SCACs',
  fix: 'Check that every shipment belongs to the same carrier, or give the carrier with --scac so each SCN can be checked.',
  source: SOURCE,
};

const LENGTH = { min: 8, max: 16 } as const;

/**
 * Every shipment carries a well-formed SCN that starts with the carrier's SCAC. When the SCAC is
 * unknown (a shipment list without `--scac`) the SCNs should at least agree among themselves:
 * a different prefix usually means a shipment of another carrier slipped into the file.
 */
export const shipmentControlNumberRule: Rule = {
  id: 'shipment-control-number',
  issues: [SCN_REQUIRED, SCN_FORMAT, SCN_SCAC_MISMATCH, SCN_PREFIX_MIXED],
  check(document, context) {
    const carrier = carrierScac(document, context);
    const issues: Issue[] = [];
    let firstPrefix: { readonly prefix: string; readonly index: number } | undefined;
    for (const { shipment, index, path: shipmentPath } of shipmentsOf(document)) {
      const path = childPointer(shipmentPath, 'shipmentControlNumber');
      const scn = shipment.shipmentControlNumber;
      if (isBlank(scn)) {
        issues.push(raise(SCN_REQUIRED, path, `Shipment ${index + 1} has no SCN.`));
        continue;
      }
      const problem = identifierProblem(scn, LENGTH);
      if (problem !== undefined) {
        issues.push(
          raise(
            SCN_FORMAT,
            path,
            `SCN "${scn}" ${problem}; it must be the carrier's SCAC followed by 4–12 upper-case letters or digits (8–16 characters).`,
          ),
        );
        continue;
      }
      const prefix = scn.slice(0, 4);
      if (carrier !== undefined) {
        if (prefix !== carrier.scac) {
          issues.push(
            raise(
              SCN_SCAC_MISMATCH,
              path,
              `SCN "${scn}" does not start with the carrier's SCAC "${carrier.scac}"${carrier.origin === 'carrier' ? '' : ' (taken from the trip number)'}.`,
            ),
          );
        }
      } else if (firstPrefix === undefined) {
        firstPrefix = { prefix, index };
      } else if (prefix !== firstPrefix.prefix) {
        issues.push(
          raise(
            SCN_PREFIX_MIXED,
            path,
            `SCN "${scn}" starts with "${prefix}" but the SCN of shipment ${firstPrefix.index + 1} starts with "${firstPrefix.prefix}".`,
          ),
        );
      }
    }
    return issues;
  },
};
