import type { IssueDefinition } from './rule.js';

/**
 * Issues raised while writing X12 for CBP (src/edi) or reading a trading-partner profile. They
 * live here, not in src/edi, so the catalogue (and docs/validation-codes.md) holds them: edi
 * sits above rules in the dependency rule. Messages name the segment and element (e.g. N10-02).
 */
export const EDI_ISSUES: readonly IssueDefinition[] = [
  {
    code: 'EDI_TEXT_ADJUSTED',
    severity: 'warning',
    title: 'Free text had characters X12 cannot carry; they were replaced',
    fix: 'Check the value as sent (in the message); write it without accents, symbols or the X12 delimiters to send it unchanged.',
    source:
      'ASC X12.6 Application Control Structure: basic and extended character sets, delimiters',
  },
  {
    code: 'EDI_TEXT_SHORTENED',
    severity: 'warning',
    title: 'Free text is longer than the X12 element allows and was shortened',
    fix: 'Shorten the text yourself so that what CBP reads is what you meant.',
    source:
      'ASC X12 data element dictionary; CBP ACE Truck Manifest implementation guide (element lengths)',
  },
  {
    code: 'EDI_VALUE_TOO_LONG',
    severity: 'error',
    title: 'An identifier is longer than the X12 element allows; nothing is sent',
    fix: 'Correct the identifier: a shortened SCN, seal or document number would name something else.',
    source:
      'ASC X12 data element dictionary; CBP ACE Truck Manifest implementation guide (element lengths)',
  },
  {
    code: 'EDI_VALUE_NOT_REPRESENTABLE',
    severity: 'error',
    title: 'An identifier has characters X12 cannot carry; nothing is sent',
    fix: 'Write the identifier with letters, digits and ordinary punctuation only, as it appears on the document.',
    source: 'ASC X12.6 Application Control Structure: character sets and delimiters',
  },
  {
    code: 'EDI_CODE_UNMAPPED',
    severity: 'error',
    title: 'The EDI profile has no X12 code for a value of the trip',
    fix: 'Add the code to the profile (docs/edi.md), or use a shipment type the profile maps.',
  },
  {
    code: 'EDI_PROFILE_INVALID',
    severity: 'error',
    title: 'An EDI profile file (--profile FILE) is malformed',
    fix: 'Correct the profile at the path named; docs/edi.md describes every field.',
  },
];
