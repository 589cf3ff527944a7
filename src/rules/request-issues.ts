import type { IssueDefinition } from './rule.js';

/**
 * Issues raised at the edge of the service (HTTP body, query and headers, CLI input) before a
 * document reaches the rules: input that is refused whatever it says, so that no request can
 * exhaust the process or reach the database with text it cannot store. Issues the use cases
 * raise are in service-issues.ts.
 */
export const REQUEST_ISSUES: readonly IssueDefinition[] = [
  {
    code: 'DOCUMENT_TOO_DEEP',
    severity: 'error',
    title: 'Lists and objects are nested too deeply',
    fix: 'A trip document nests about eight levels; send the document itself, not a wrapper of wrappers.',
  },
  {
    code: 'DOCUMENT_FORBIDDEN_FIELD',
    severity: 'error',
    title: 'A field name that could change object prototypes (__proto__, constructor.prototype)',
    fix: 'Remove the field: it is never part of a trip document, and is refused to rule out prototype poisoning.',
  },
  {
    code: 'DOCUMENT_REPEATED_FIELD',
    severity: 'error',
    title: 'A field name appears twice in one object',
    fix: 'Keep one of the two: JSON keeps only the last value, so the document is refused rather than read with the other lost.',
    source: 'RFC 8259 §4 (the names within an object should be unique)',
  },
  {
    code: 'DOCUMENT_NOT_UTF8',
    severity: 'error',
    title: 'A JSON body is not UTF-8',
    fix: 'Send the body as UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is UTF-8); a spreadsheet export in another encoding goes through the CSV upload, which converts Windows-1252.',
  },
  {
    code: 'TEXT_CONTROL_CHARACTER',
    severity: 'error',
    title: 'Text contains a control character',
    fix: 'Remove control characters (U+0000–U+001F, U+007F–U+009F). Tab, line feed and carriage return are allowed in request bodies and CSV cells only.',
    source: 'ASC X12 basic character set (CBP ACE highway eManifest implementation guide)',
  },
  {
    code: 'PAGE_CURSOR_INVALID',
    severity: 'error',
    title: 'The page cursor was not given out by this server',
    fix: 'Pass back the nextCursor of the previous page unchanged, or leave cursor out for the first page.',
  },
  {
    code: 'IF_MATCH_WEAK',
    severity: 'error',
    title: 'If-Match holds a weak entity tag',
    fix: 'Send the strong ETag the record was read with (If-Match: "3"); RFC 9110 §13.1.1 compares If-Match strongly, so a weak tag never matches.',
    source: 'RFC 9110 §13.1.1',
  },
  {
    code: 'IF_MATCH_WILDCARD',
    severity: 'error',
    title: 'If-Match is * (any version)',
    fix: 'Send the ETag of the record you edited (If-Match: "3"): * matches whatever version is stored, so it cannot keep you from overwriting changes you have not seen.',
    source: 'RFC 9110 §13.1.1',
  },
  {
    code: 'IF_MATCH_MALFORMED',
    severity: 'error',
    title: 'If-Match is not one version number in double quotes',
    fix: 'Send exactly one version as the ETag gives it, quotes included (If-Match: "3"); not empty, not a list, not unquoted.',
  },
  {
    code: 'ISSUES_TRUNCATED',
    severity: 'warning',
    title: 'More issues of one code than are listed',
    fix: 'Fix the listed occurrences (they usually share one cause) and validate again to see the rest.',
  },
];
