import { findSubdivision } from '../../codes/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { section321Law, section321Shipments } from './section-321-law.js';

const CONSIGNEE_NOT_US: IssueDefinition = {
  code: 'SECTION_321_CONSIGNEE_NOT_US',
  severity: 'error',
  title: 'The consignee of a Section 321 shipment is not in the U.S.',
  fix: 'Give the U.S. consignee (country US), or file the goods under another shipment type.',
  source: '19 CFR 10.151; CSMS #64824427',
};

const CONSIGNEE_STATE_INVALID: IssueDefinition = {
  code: 'SECTION_321_CONSIGNEE_STATE_INVALID',
  severity: 'error',
  title: 'The consignee of a Section 321 shipment has no valid U.S. state',
  fix: "Give the consignee's U.S. state as its 2-letter code, e.g. NY.",
  source: 'CSMS #64824427',
};

/**
 * Section 321 goods are imported by a person in the U.S.; since April 2025 ACE refuses a
 * Section 321 bill whose consignee lacks a valid U.S. state code (CSMS #64824427).
 */
export const section321ConsigneeUsRule: Rule = {
  id: 'section-321-consignee-us',
  issues: [CONSIGNEE_NOT_US, CONSIGNEE_STATE_INVALID],
  check(document, context) {
    const shipments = section321Shipments(document);
    if (shipments.length === 0) return [];
    if (section321Law(document, context).refusal !== undefined) return [];
    return shipments.flatMap((located) => {
      const address = located.shipment.consignee?.address;
      const addressPath = childPointer(located.path, 'consignee', 'address');
      const country = address?.country?.trim() ?? '';
      if (country !== 'US') {
        return [
          raise(
            CONSIGNEE_NOT_US,
            childPointer(addressPath, 'country'),
            country === ''
              ? 'The consignee has no country; a Section 321 consignee must be in the U.S.'
              : `The consignee is in "${country}"; a Section 321 consignee must be in the U.S.`,
          ),
        ];
      }
      const state = address?.stateProvince;
      if (!isBlank(state) && findSubdivision('US', state.trim()) !== undefined) return [];
      return [
        raise(
          CONSIGNEE_STATE_INVALID,
          childPointer(addressPath, 'stateProvince'),
          isBlank(state)
            ? 'The consignee has no U.S. state; ACE refuses a Section 321 shipment without one.'
            : `"${state}" is not a U.S. state code; ACE refuses a Section 321 shipment without a valid one.`,
        ),
      ];
    });
  },
};
