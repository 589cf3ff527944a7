import {
  countryOfSubdivision,
  findSubdivision,
  isCountry,
  isNorthAmerican,
} from '../../codes/index.js';
import type { Issue, LicensePlate } from '../../domain/index.js';
import { childPointer, isTripDocument, pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import {
  ACE_HIGHWAY_CARRIER_REQUIREMENTS,
  ACE_TRUCK_MANIFEST_IG,
  ISO_COUNTRY_CODES,
  ISO_SUBDIVISION_CODES,
  cite,
} from '../sources.js';

/** ACE takes at most two plates per truck or trailer (CBP ACE Truck Manifest implementation guide). */
const MAX_PLATES = 2;

const TOO_MANY: IssueDefinition = {
  code: 'LICENSE_PLATE_TOO_MANY',
  severity: 'error',
  title: 'More than two licence plates',
  fix: 'Keep at most two plates per truck or trailer: the ones CBP will see at the booth.',
  source: ACE_TRUCK_MANIFEST_IG,
};

const NUMBER_REQUIRED: IssueDefinition = {
  code: 'LICENSE_PLATE_NUMBER_REQUIRED',
  severity: 'error',
  title: 'A licence plate has no number',
  fix: 'Type the plate number as it reads on the plate, or remove the empty plate.',
  source: ACE_TRUCK_MANIFEST_IG,
};

const STATE_REQUIRED: IssueDefinition = {
  code: 'LICENSE_PLATE_STATE_REQUIRED',
  severity: 'error',
  title: 'A licence plate has no state or province',
  fix: 'Give the state or province that issued the plate, e.g. ON or TX.',
  source: ACE_TRUCK_MANIFEST_IG,
};

const STATE_UNKNOWN: IssueDefinition = {
  code: 'LICENSE_PLATE_STATE_UNKNOWN',
  severity: 'error',
  title: "A licence plate's state or province is not known",
  fix: 'Use the 2- or 3-letter ISO 3166-2 code of a U.S. state, Canadian province or Mexican state (e.g. ON, TX, BCN).',
  source: ISO_SUBDIVISION_CODES,
};

const COUNTRY_UNKNOWN: IssueDefinition = {
  code: 'LICENSE_PLATE_COUNTRY_UNKNOWN',
  severity: 'error',
  title: "A licence plate's country is not an ISO country code",
  fix: 'Use the 2-letter ISO 3166-1 code of the country that issued the plate: US, CA or MX.',
  source: ISO_COUNTRY_CODES,
};

const TRAILER_PLATE_REQUIRED: IssueDefinition = {
  code: 'TRAILER_PLATE_REQUIRED',
  severity: 'error',
  title: 'A trailer has no licence plate',
  fix: "Add the trailer's plate: number and issuing state or province.",
  source: cite(ACE_HIGHWAY_CARRIER_REQUIREMENTS, ACE_TRUCK_MANIFEST_IG),
};

function checkPlate(plate: LicensePlate, path: string): Issue[] {
  const issues: Issue[] = [];
  if (isBlank(plate.number)) {
    issues.push(raise(NUMBER_REQUIRED, childPointer(path, 'number'), 'The plate has no number.'));
  }
  const statePath = childPointer(path, 'stateProvince');
  const country = plate.country?.trim().toUpperCase();
  if (country !== undefined && country !== '' && !isCountry(country)) {
    issues.push(
      raise(
        COUNTRY_UNKNOWN,
        childPointer(path, 'country'),
        `"${plate.country ?? ''}" is not an ISO 3166-1 country code.`,
      ),
    );
    return issues;
  }
  if (isBlank(plate.stateProvince)) {
    issues.push(raise(STATE_REQUIRED, statePath, 'The plate has no state or province.'));
    return issues;
  }
  const state = plate.stateProvince.trim().toUpperCase();
  // Without a country the plate may come from any of the three; plates from further away are not checked.
  const known =
    country === undefined || country === ''
      ? countryOfSubdivision(state) !== undefined
      : !isNorthAmerican(country) || findSubdivision(country, state) !== undefined;
  if (!known) {
    issues.push(
      raise(
        STATE_UNKNOWN,
        statePath,
        country === undefined || country === ''
          ? `"${plate.stateProvince}" is not a U.S. state, Canadian province or Mexican state code.`
          : `"${plate.stateProvince}" is not a state or province of ${country}.`,
      ),
    );
  }
  return issues;
}

function checkPlates(plates: readonly LicensePlate[], path: string): Issue[] {
  const issues = plates.flatMap((plate, index) => checkPlate(plate, childPointer(path, index)));
  if (plates.length > MAX_PLATES) {
    issues.unshift(
      raise(TOO_MANY, path, `${plates.length} plates are listed; ACE takes at most ${MAX_PLATES}.`),
    );
  }
  return issues;
}

/**
 * Plates of the truck and its trailers: at most two each, each with a number and the state or
 * province that issued it; a trailer needs at least one (CBP ACE eManifest: Highway Carrier
 * Requirements; CBP ACE Truck Manifest implementation guide).
 */
export const licensePlatesRule: Rule = {
  id: 'license-plates',
  aboutTrip: true,
  issues: [
    TOO_MANY,
    NUMBER_REQUIRED,
    STATE_REQUIRED,
    STATE_UNKNOWN,
    COUNTRY_UNKNOWN,
    TRAILER_PLATE_REQUIRED,
  ],
  check(document) {
    if (!isTripDocument(document)) return [];
    const issues = checkPlates(
      document.truck?.licensePlates ?? [],
      pointer('truck', 'licensePlates'),
    );
    (document.trailers ?? []).forEach((trailer, index) => {
      const path = pointer('trailers', index, 'licensePlates');
      const plates = trailer.licensePlates ?? [];
      if (plates.length === 0) {
        const named = isBlank(trailer.number) ? 'The trailer' : `Trailer "${trailer.number}"`;
        issues.push(raise(TRAILER_PLATE_REQUIRED, path, `${named} has no licence plate.`));
      }
      issues.push(...checkPlates(plates, path));
    });
    return issues;
  },
};
