import type { Issue } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { crewOf, describePerson } from './crew-members.js';
import { ACE_HIGHWAY_CARRIER_REQUIREMENTS, OWN_CHECK } from '../sources.js';

const CREW_FAST_CARD_FORMAT: IssueDefinition = {
  code: 'CREW_FAST_CARD_FORMAT',
  severity: 'error',
  title: 'A FAST card number is not 14 digits',
  fix: 'Copy the 14-digit number from the FAST card, digits only; leave it out if the person has no FAST card.',
  source: `${ACE_HIGHWAY_CARRIER_REQUIREMENTS} (FAST card number)`,
};

const CREW_FAST_CARD_PREFIX_UNUSUAL: IssueDefinition = {
  code: 'CREW_FAST_CARD_PREFIX_UNUSUAL',
  severity: 'warning',
  title: 'A FAST card number does not start with 4270',
  fix: 'Check the number against the card: FAST card numbers seen so far start with 4270.',
  source: OWN_CHECK.fastCardPrefix,
};

/** Every FAST card number is 14 digits; "invalid FAST number" is a common ACE rejection. */
export const fastCardRule: Rule = {
  id: 'fast-card',
  aboutTrip: true,
  issues: [CREW_FAST_CARD_FORMAT, CREW_FAST_CARD_PREFIX_UNUSUAL],
  check(document) {
    return crewOf(document).flatMap((member): Issue[] => {
      const number = member.person.fastCardNumber;
      if (isBlank(number)) return [];
      const path = childPointer(member.path, 'fastCardNumber');
      if (!/^\d{14}$/.test(number)) {
        return [
          raise(
            CREW_FAST_CARD_FORMAT,
            path,
            `${describePerson(member)} has FAST card number "${number}", which is not 14 digits.`,
          ),
        ];
      }
      // Only a warning: the 4270 prefix comes from samples, not from a CBP specification.
      if (number.startsWith('4270')) return [];
      return [
        raise(
          CREW_FAST_CARD_PREFIX_UNUSUAL,
          path,
          `${describePerson(member)} has FAST card number "${number}", which does not start with 4270 as FAST card numbers usually do.`,
        ),
      ];
    });
  },
};
