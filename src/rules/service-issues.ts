import type { IssueDefinition } from './rule.js';
import { SCHEDULE_D } from './sources.js';

/**
 * Issues the service raises outside the rule engine (a use case, the API, the CLI), listed
 * here so the catalogue, and docs/validation-codes.md generated from it, hold every code a
 * client can receive. Their messages are made where they are raised.
 */
export const SERVICE_ISSUES: readonly IssueDefinition[] = [
  {
    code: 'TRIP_NUMBER_ALREADY_USED',
    severity: 'error',
    title: 'The carrier already used this trip number (deleted and renamed trips count)',
    fix: 'Leave the trip number empty to get the next one, or choose another.',
  },
  {
    code: 'SHIPMENT_SCN_ALREADY_USED',
    severity: 'error',
    title: 'The carrier already used this SCN, or the document repeats it',
    fix: 'Leave the SCN empty (or <SCAC>AUTOFILL) to get the next one; an SCN may not be reused for three years.',
  },
  {
    code: 'TEMPLATE_NAME_TAKEN',
    severity: 'error',
    title: 'Another template has this name',
    fix: 'Choose another name, or delete the other template first.',
  },
  {
    code: 'PROFILE_KIND_MISMATCH',
    severity: 'error',
    title: 'The profile is of another kind than the place it is assigned to',
    fix: 'Pick a truck profile for the truck, trailer profiles for trailers, driver profiles for crew.',
  },
  {
    code: 'DATABASE_BUSY',
    severity: 'error',
    title:
      'Another process holds the SQLite database’s write lock (an import or a backup from the command line), longer than the service waits for it',
    fix: 'Try again in a moment (the answer is 503 with Retry-After); let the import or backup finish first.',
  },
  {
    code: 'IF_MATCH_REQUIRED',
    severity: 'error',
    title: 'A change must name the version it was made on',
    fix: 'Send the If-Match header with the ETag of the record you read.',
  },
  {
    code: 'PATH_PARAMETER_INVALID',
    severity: 'error',
    title: 'A part of the URL path has the wrong form',
    fix: 'Use the id exactly as the API returned it.',
  },
  {
    code: 'QUERY_PARAMETER_INVALID',
    severity: 'error',
    title: 'A query parameter has the wrong type or value',
    fix: 'See the parameter named in the message and the API reference (/api/docs).',
  },
  {
    code: 'TRIP_SHIPMENTS_NOT_HERE',
    severity: 'error',
    title: "A trip update carries shipments; a trip's shipments change through their own routes",
    fix: 'Leave shipments out of PUT /trips/{id}; add, edit and remove them with the /shipments routes (or import a whole document with POST /imports).',
  },
  {
    code: 'IMPORT_TRIP_ID_FOR_SHIPMENTS',
    severity: 'error',
    title: 'A trip to import into was named for a trip document, which always becomes a new trip',
    fix: 'Leave tripId out to import the trip document as a new trip, or send a shipment list (ACE_SHIPMENT) to add its shipments to the trip.',
  },
  {
    code: 'FILTER_DATE_FORMAT',
    severity: 'error',
    title: 'A date filter is not a calendar date',
    fix: 'Write the date as YYYY-MM-DD, e.g. 2026-12-01.',
  },
  {
    code: 'TEXT_LONE_SURROGATE',
    severity: 'error',
    title: 'A text holds half of a UTF-16 surrogate pair alone, which is no character',
    fix: 'Send the whole character (both halves of its JSON escape, \\ud83d\\ude9a, or the character itself) or remove it: no UTF-8 text or X12 message carries half of one, and strict JSON readers refuse it.',
    source: 'RFC 8259 §8.2 (strings with unpaired surrogates); ASC X12.6 character sets',
  },
  {
    code: 'PROFILE_NAME',
    severity: 'error',
    title: 'A profile needs a name of at most 200 characters',
    fix: 'Give the truck, trailer, driver or passenger a name the dispatcher will recognise.',
  },
  {
    code: 'TEMPLATE_NAME',
    severity: 'error',
    title: 'A template needs a name of at most 200 characters',
    fix: 'Name the template after its run, e.g. "Toronto–Buffalo oats".',
  },
  {
    code: 'API_TOKEN_NAME',
    severity: 'error',
    title: 'An API token needs a name of at most 100 characters',
    fix: 'Name the token after the system that uses it.',
  },
  {
    code: 'COMPANY_NAME_REQUIRED',
    severity: 'error',
    title: 'A company needs its carrier name',
    fix: 'Give the carrier name as CBP knows it.',
  },
  {
    code: 'COMPANY_SCAC_FORMAT',
    severity: 'error',
    title: 'A SCAC is 4 capital letters',
    fix: "Give the carrier's Standard Carrier Alpha Code (NMFTA), e.g. ABCD.",
    source: '19 CFR 123.92 (carrier identified by its SCAC)',
  },
  {
    code: 'COMPANY_SCAC_TAKEN',
    severity: 'error',
    title: 'Another carrier of this service already has the SCAC',
    fix: "Check the SCAC (NMFTA assigns each carrier its own); a carrier's second office is another user of the same company, not another company.",
  },
  {
    code: 'COMPANY_TRIP_PREFIX_FORMAT',
    severity: 'error',
    title:
      "The trip-number prefix does not start with the company's SCAC, or is not 4–19 letters or digits",
    fix: 'Start the prefix with the SCAC and use capital letters and digits only, e.g. ABCD or ABCDTOR.',
  },
  {
    code: 'COMPANY_PORT_UNKNOWN',
    severity: 'error',
    title: 'The default port of arrival is not a U.S. land-border port',
    fix: 'Choose the 4-digit Schedule D code of a land-border port (docs/code-lists.md), or clear it with null.',
    source: SCHEDULE_D,
  },
  {
    code: 'USER_EMAIL_FORMAT',
    severity: 'error',
    title: 'The e-mail address is not valid',
    fix: 'Give an address such as dispatch@carrier.example.',
  },
  {
    code: 'USER_PASSWORD_REQUIRED',
    severity: 'error',
    title: 'A new user needs a password',
    fix: 'Give a password, or invite the user to set their own.',
  },
  {
    code: 'USER_PASSWORD_TOO_SHORT',
    severity: 'error',
    title: 'A password has at least 10 characters',
    fix: 'Use a longer password: a passphrase of several words is easy to remember.',
  },
  {
    code: 'QR_FIELD_MISSING',
    severity: 'error',
    title: 'The CBP QR code on the lead sheet needs a value the trip does not have',
    fix: "Give the trip its trip number, estimated arrival and the truck's licence plate (country, state or province, number).",
    source: 'CBP ACE Truck Manifest QR Specifications Guide',
  },
  {
    code: 'LEAD_SHEET_TOO_LARGE',
    severity: 'error',
    title: 'The trip has more shipments than one lead sheet lists',
    fix: "Print each shipment's papers instead, or split the shipments over trips: a lead sheet lists at most 10,000 shipments.",
  },
  {
    code: 'QR_FIELD_INVALID',
    severity: 'error',
    title: 'A value for the CBP QR code is too long or has characters CBP cannot read',
    fix: 'Use letters and digits only (no spaces, dashes or +), at most 25 for the trip number and 2, 3 and 7 for the plate country, state or province and number.',
    source: 'CBP ACE Truck Manifest QR Specifications Guide; CSMS #64710039',
  },
];
