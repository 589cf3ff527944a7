import type { Issue } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import {
  crewOf,
  describePerson,
  hasAceId,
  hasFastCard,
  type LocatedPerson,
} from './crew-members.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS, TRUCK_CARGO_ADVANCE_INFO, cite } from '../sources.js';

const SOURCE = cite(ACE_HIGHWAY_CARRIER_REQUIREMENTS, TRUCK_CARGO_ADVANCE_INFO);

/** Travel document code of the commercial driver's licence (travel-document-types.csv). */
const COMMERCIAL_DRIVERS_LICENSE = '5K';

const DRIVER_CDL_REQUIRED: IssueDefinition = {
  code: 'DRIVER_CDL_REQUIRED',
  severity: 'error',
  title: "A driver without FAST card has no commercial driver's licence",
  fix: "Add the driver's commercial driver's licence (travel document type 5K) with its number and issuing state/province, or the driver's FAST card number.",
  source: SOURCE,
};

const DRIVER_SECOND_TRAVEL_DOCUMENT_REQUIRED: IssueDefinition = {
  code: 'DRIVER_SECOND_TRAVEL_DOCUMENT_REQUIRED',
  severity: 'error',
  title:
    "A driver without FAST card has no travel document besides the commercial driver's licence",
  fix: "Add a second travel document, e.g. a passport (ACW) or NEXUS card (AEW), or the driver's FAST card number.",
  source: SOURCE,
};

const PASSENGER_TRAVEL_DOCUMENT_REQUIRED: IssueDefinition = {
  code: 'PASSENGER_TRAVEL_DOCUMENT_REQUIRED',
  severity: 'error',
  title: 'A passenger has no travel document',
  fix: "Add the passenger's travel document, e.g. a passport (ACW), with its number and issuing country.",
  source: SOURCE,
};

/**
 * Who must list which travel documents: a driver with neither FAST card nor ACE ID needs a commercial
 * driver's licence plus one more document; a passenger always needs at least one
 * (CBP ACE eManifest: Highway Carrier Requirements). Whether each document is well-formed is the
 * travel-document rule's job.
 */
export const requiredTravelDocumentsRule: Rule = {
  id: 'required-travel-documents',
  aboutTrip: true,
  issues: [
    DRIVER_CDL_REQUIRED,
    DRIVER_SECOND_TRAVEL_DOCUMENT_REQUIRED,
    PASSENGER_TRAVEL_DOCUMENT_REQUIRED,
  ],
  check(document) {
    return crewOf(document).flatMap(checkMember);
  },
};

function checkMember(member: LocatedPerson): Issue[] {
  const documents = member.person.travelDocuments ?? [];
  const path = childPointer(member.path, 'travelDocuments');
  const who = describePerson(member);
  switch (member.role) {
    case 'passenger':
      return documents.length > 0
        ? []
        : [raise(PASSENGER_TRAVEL_DOCUMENT_REQUIRED, path, `${who} has no travel document.`)];
    case 'driver': {
      // The issue's rule: "without FAST card or ACE ID … CDL + one more travel document". An
      // ACE ID stands for a traveller profile CBP already holds, documents included.
      if (hasFastCard(member.person) || hasAceId(member.person)) return [];
      const issues: Issue[] = [];
      if (!documents.some((travelDocument) => travelDocument.type === COMMERCIAL_DRIVERS_LICENSE)) {
        issues.push(
          raise(
            DRIVER_CDL_REQUIRED,
            path,
            `${who} has no FAST card and no commercial driver's licence (travel document type 5K).`,
          ),
        );
      }
      if (!documents.some((travelDocument) => travelDocument.type !== COMMERCIAL_DRIVERS_LICENSE)) {
        issues.push(
          raise(
            DRIVER_SECOND_TRAVEL_DOCUMENT_REQUIRED,
            path,
            `${who} has no FAST card and needs a travel document besides the commercial driver's licence, e.g. a passport.`,
          ),
        );
      }
      return issues;
    }
  }
}
