import { isTripDocument, pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';

const TRUCK_REQUIRED: IssueDefinition = {
  code: 'TRUCK_REQUIRED',
  severity: 'error',
  title: 'The trip has no truck',
  fix: 'Add the truck (conveyance): unit number, VIN and licence plate.',
  source: '19 CFR 123.92; ACE eManifest conveyance data',
};

const TRUCK_NUMBER_REQUIRED: IssueDefinition = {
  code: 'TRUCK_NUMBER_REQUIRED',
  severity: 'error',
  title: "The truck's unit number is missing",
  fix: "Give the carrier's unit number painted on the truck, e.g. T-101.",
  source: 'ACE eManifest conveyance data',
};

/** Every trip crosses in a truck (the conveyance), known by the carrier's unit number. */
export const truckRule: Rule = {
  id: 'truck',
  issues: [TRUCK_REQUIRED, TRUCK_NUMBER_REQUIRED],
  check(document) {
    if (!isTripDocument(document)) return [];
    const truck = document.truck;
    if (truck === undefined) {
      return [raise(TRUCK_REQUIRED, pointer('truck'), 'The trip has no truck.')];
    }
    if (isBlank(truck.number)) {
      return [
        raise(TRUCK_NUMBER_REQUIRED, pointer('truck', 'number'), 'The truck has no unit number.'),
      ];
    }
    return [];
  },
};
