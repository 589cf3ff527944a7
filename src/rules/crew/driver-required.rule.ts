import { pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS, TRUCK_CARGO_ADVANCE_INFO, cite } from '../sources.js';

const CREW_DRIVER_REQUIRED: IssueDefinition = {
  code: 'CREW_DRIVER_REQUIRED',
  severity: 'error',
  title: 'The trip has no driver',
  fix: 'Add the driver who will take the truck across the border.',
  source: cite(ACE_HIGHWAY_CARRIER_REQUIREMENTS, TRUCK_CARGO_ADVANCE_INFO),
};

/** ACE needs the person in charge of the truck: at least one driver on every trip. */
export const driverRequiredRule: Rule = {
  id: 'driver-required',
  aboutTrip: true,
  issues: [CREW_DRIVER_REQUIRED],
  check(document) {
    if (document.data !== 'ACE_TRIP' || (document.drivers ?? []).length > 0) return [];
    return [raise(CREW_DRIVER_REQUIRED, pointer('drivers'), 'The trip lists no driver.')];
  },
};
