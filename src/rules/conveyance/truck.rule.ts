import { isTripDocument, pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { ACE_TRUCK_MANIFEST_IG, TRUCK_CARGO_ADVANCE_INFO, cite } from '../sources.js';

const TRUCK_REQUIRED: IssueDefinition = {
  code: 'TRUCK_REQUIRED',
  severity: 'error',
  title: 'The trip has no truck',
  fix: 'Add the truck (conveyance): unit number, VIN and licence plate.',
  source: cite(TRUCK_CARGO_ADVANCE_INFO, ACE_TRUCK_MANIFEST_IG),
};

const TRUCK_NUMBER_REQUIRED: IssueDefinition = {
  code: 'TRUCK_NUMBER_REQUIRED',
  severity: 'error',
  title: "The truck's unit number is missing",
  fix: "Give the carrier's unit number painted on the truck, e.g. T-101.",
  source: ACE_TRUCK_MANIFEST_IG,
};

/** Every trip crosses in a truck (the conveyance), known by the carrier's unit number. */
export const truckRule: Rule = {
  id: 'truck',
  aboutTrip: true,
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
