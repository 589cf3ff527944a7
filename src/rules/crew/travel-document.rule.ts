import {
  countryOfSubdivision,
  findSubdivision,
  findTravelDocumentType,
  isCountry,
  isNorthAmerican,
  type TravelDocumentRow,
} from '../../codes/index.js';
import type { Issue, TravelDocument } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { crewOf, describePerson } from './crew-members.js';
import {
  ACE_HIGHWAY_CARRIER_REQUIREMENTS,
  ACE_TRAVEL_DOCUMENT_CODES,
  ISO_COUNTRY_CODES,
  ISO_SUBDIVISION_CODES,
  TRUCK_CARGO_ADVANCE_INFO,
  cite,
} from '../sources.js';

const SOURCE = cite(ACE_HIGHWAY_CARRIER_REQUIREMENTS, TRUCK_CARGO_ADVANCE_INFO);

const TRAVEL_DOCUMENT_TYPE_REQUIRED: IssueDefinition = {
  code: 'TRAVEL_DOCUMENT_TYPE_REQUIRED',
  severity: 'error',
  title: 'A travel document has no type',
  fix: "Give the document's type code, e.g. 5K commercial driver's licence or ACW passport (docs/code-lists.md).",
  source: SOURCE,
};

const TRAVEL_DOCUMENT_TYPE_UNKNOWN: IssueDefinition = {
  code: 'TRAVEL_DOCUMENT_TYPE_UNKNOWN',
  severity: 'error',
  title: 'A travel document type is not an ACE travel document code',
  fix: "Use one of ACE's travel document codes, e.g. 5K commercial driver's licence, ACW passport, AEW NEXUS card (docs/code-lists.md).",
  source: cite(ACE_TRAVEL_DOCUMENT_CODES, SOURCE),
};

const TRAVEL_DOCUMENT_NUMBER_REQUIRED: IssueDefinition = {
  code: 'TRAVEL_DOCUMENT_NUMBER_REQUIRED',
  severity: 'error',
  title: 'A travel document has no number',
  fix: 'Copy the number exactly as printed on the document.',
  source: SOURCE,
};

const TRAVEL_DOCUMENT_STATE_PROVINCE_REQUIRED: IssueDefinition = {
  code: 'TRAVEL_DOCUMENT_STATE_PROVINCE_REQUIRED',
  severity: 'error',
  title: 'A licence has no issuing state or province',
  fix: 'Give the state or province that issued the licence, e.g. ON or TX.',
  source: SOURCE,
};

const TRAVEL_DOCUMENT_STATE_PROVINCE_INVALID: IssueDefinition = {
  code: 'TRAVEL_DOCUMENT_STATE_PROVINCE_INVALID',
  severity: 'error',
  title: 'The issuing state or province of a licence is not one of its country',
  fix: 'Use the ISO 3166-2 code of a U.S. state, Canadian province or Mexican state without the country prefix (ON, TX, BCN), matching the document country.',
  source: cite(ISO_SUBDIVISION_CODES, SOURCE),
};

const TRAVEL_DOCUMENT_COUNTRY_REQUIRED: IssueDefinition = {
  code: 'TRAVEL_DOCUMENT_COUNTRY_REQUIRED',
  severity: 'error',
  title: 'A travel document has no issuing country',
  fix: 'Give the country that issued the document as an ISO 3166-1 alpha-2 code, e.g. CA or US.',
  source: SOURCE,
};

const TRAVEL_DOCUMENT_COUNTRY_INVALID: IssueDefinition = {
  code: 'TRAVEL_DOCUMENT_COUNTRY_INVALID',
  severity: 'error',
  title: 'The issuing country of a travel document is not an ISO 3166-1 alpha-2 code',
  fix: 'Use the 2-letter ISO country code in upper case: CA, US, MX …',
  source: cite(ISO_COUNTRY_CODES, SOURCE),
};

/**
 * Each travel document of every driver and passenger: a known ACE type, a number, and its
 * issuer. Licences are issued by a state or province, other documents by a country
 * (travel-document-types.csv, column issuer_required).
 */
export const travelDocumentRule: Rule = {
  id: 'travel-document',
  aboutTrip: true,
  issues: [
    TRAVEL_DOCUMENT_TYPE_REQUIRED,
    TRAVEL_DOCUMENT_TYPE_UNKNOWN,
    TRAVEL_DOCUMENT_NUMBER_REQUIRED,
    TRAVEL_DOCUMENT_STATE_PROVINCE_REQUIRED,
    TRAVEL_DOCUMENT_STATE_PROVINCE_INVALID,
    TRAVEL_DOCUMENT_COUNTRY_REQUIRED,
    TRAVEL_DOCUMENT_COUNTRY_INVALID,
  ],
  check(document) {
    return crewOf(document).flatMap((member) =>
      (member.person.travelDocuments ?? []).flatMap((travelDocument, index) => {
        const at: Located = {
          travelDocument,
          path: childPointer(member.path, 'travelDocuments', index),
          owner: `${describePerson(member)}'s travel document ${index + 1}`,
        };
        return [...checkType(at), ...checkNumber(at)];
      }),
    );
  },
};

interface Located {
  readonly travelDocument: TravelDocument;
  readonly path: string;
  /** How messages name the document: "Driver Jean Tremblay's travel document 2". */
  readonly owner: string;
}

function checkType(at: Located): Issue[] {
  const type = at.travelDocument.type;
  const path = childPointer(at.path, 'type');
  if (isBlank(type)) {
    return [raise(TRAVEL_DOCUMENT_TYPE_REQUIRED, path, `${at.owner} has no type.`)];
  }
  const row = findTravelDocumentType(type);
  if (row === undefined) {
    return [
      raise(
        TRAVEL_DOCUMENT_TYPE_UNKNOWN,
        path,
        `${at.owner} has type "${type}", which is not an ACE travel document code.`,
      ),
    ];
  }
  return checkIssuer(at, row);
}

function checkNumber(at: Located): Issue[] {
  if (!isBlank(at.travelDocument.number)) return [];
  return [
    raise(
      TRAVEL_DOCUMENT_NUMBER_REQUIRED,
      childPointer(at.path, 'number'),
      `${at.owner} has no number.`,
    ),
  ];
}

function checkIssuer(at: Located, row: TravelDocumentRow): Issue[] {
  const { country, stateProvince } = at.travelDocument;
  const countryPath = childPointer(at.path, 'country');
  const countryIssues: Issue[] =
    isBlank(country) || isCountry(country)
      ? []
      : [
          raise(
            TRAVEL_DOCUMENT_COUNTRY_INVALID,
            countryPath,
            `${at.owner} (${row.name}) has issuing country "${country}", which is not an ISO 3166-1 alpha-2 code.`,
          ),
        ];
  if (row.issuerRequired !== 'state/province') {
    if (!isBlank(country)) return countryIssues;
    return [
      raise(
        TRAVEL_DOCUMENT_COUNTRY_REQUIRED,
        countryPath,
        `${at.owner} (${row.name}) has no issuing country.`,
      ),
    ];
  }
  const statePath = childPointer(at.path, 'stateProvince');
  if (isBlank(stateProvince)) {
    return [
      ...countryIssues,
      raise(
        TRAVEL_DOCUMENT_STATE_PROVINCE_REQUIRED,
        statePath,
        `${at.owner} (${row.name}) has no issuing state or province.`,
      ),
    ];
  }
  return [...countryIssues, ...checkStateProvince(at, row, stateProvince, statePath)];
}

/**
 * Only U.S., Canadian and Mexican subdivisions are checked: those are the licences CBP sees at
 * the land border. Without a country the state/province must belong to one of the three.
 */
function checkStateProvince(
  at: Located,
  row: TravelDocumentRow,
  stateProvince: string,
  path: string,
): Issue[] {
  const country = at.travelDocument.country;
  if (isBlank(country)) {
    if (countryOfSubdivision(stateProvince) !== undefined) return [];
    return [
      raise(
        TRAVEL_DOCUMENT_STATE_PROVINCE_INVALID,
        path,
        `${at.owner} (${row.name}) has issuing state/province "${stateProvince}", which is not a state or province of the U.S., Canada or Mexico.`,
      ),
    ];
  }
  if (!isNorthAmerican(country) || findSubdivision(country, stateProvince) !== undefined) return [];
  return [
    raise(
      TRAVEL_DOCUMENT_STATE_PROVINCE_INVALID,
      path,
      `${at.owner} (${row.name}) has issuing state/province "${stateProvince}", which is not a state or province of ${country}.`,
    ),
  ];
}
