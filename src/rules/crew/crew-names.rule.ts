import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { crewOf, describePerson } from './crew-members.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS, TRUCK_CARGO_ADVANCE_INFO, cite } from '../sources.js';

const CREW_NAME_REQUIRED: IssueDefinition = {
  code: 'CREW_NAME_REQUIRED',
  severity: 'error',
  title: 'A driver or passenger has no first or last name',
  fix: 'Enter the first and last name exactly as on the travel document.',
  source: cite(ACE_HIGHWAY_CARRIER_REQUIREMENTS, TRUCK_CARGO_ADVANCE_INFO),
};

/** Names are needed for everyone on board, even a FAST or ACE ID holder (19 CFR 123.92). */
export const crewNamesRule: Rule = {
  id: 'crew-names',
  aboutTrip: true,
  issues: [CREW_NAME_REQUIRED],
  check(document) {
    return crewOf(document).flatMap((member) =>
      (['firstName', 'lastName'] as const)
        .filter((field) => isBlank(member.person[field]))
        .map((field) =>
          raise(
            CREW_NAME_REQUIRED,
            childPointer(member.path, field),
            `${describePerson(member)} has no ${field === 'firstName' ? 'first' : 'last'} name.`,
          ),
        ),
    );
  },
};
