import type { IssueDefinition } from './rule.js';

/**
 * Issues raised before any rule runs: the file is not a trip document of the right shape; and
 * the paperwork's own refusals (a label count, a day of lead sheets, papers of a shipment, the
 * company logo).
 * Their messages are made where they are found (src/domain/parse-document.ts, src/cli,
 * src/app/paperwork); the filing alerts' settings (src/app/alerts).
 */
export const DOCUMENT_ISSUES: readonly IssueDefinition[] = [
  {
    code: 'FILE_UNREADABLE',
    severity: 'error',
    title: 'The file cannot be read',
    fix: 'Check the file name and that you may read it.',
  },
  {
    code: 'DOCUMENT_NOT_JSON',
    severity: 'error',
    title: 'The file is not valid JSON',
    fix: 'Fix the JSON syntax at the line and column named in the message.',
  },
  {
    code: 'DOCUMENT_KIND_UNKNOWN',
    severity: 'error',
    title: 'The document does not say whether it is a trip or a list of shipments',
    fix: 'Add "data": "ACE_TRIP" (one trip) or "data": "ACE_SHIPMENT" (unassociated shipments).',
  },
  {
    code: 'DOCUMENT_UNKNOWN_FIELD',
    severity: 'error',
    title: 'A field name is not part of the trip document',
    fix: 'Check the spelling against docs/trip-document.md; unknown fields are refused so that no data is silently dropped.',
  },
  {
    code: 'DOCUMENT_WRONG_TYPE',
    severity: 'error',
    title: 'A field has the wrong JSON type',
    fix: 'Send numbers as JSON numbers, text as strings and lists as arrays, as docs/trip-document.md shows.',
  },
  {
    code: 'DOCUMENT_VALUE_INVALID',
    severity: 'error',
    title:
      'A field has the right type but a value it does not take (not one of its values, too short or long, too small or large, or not in its format)',
    fix: 'See the message for what the field takes, and docs/trip-document.md or the API reference (/api/docs) for the field.',
  },
  {
    code: 'REGULATION_TABLE_INVALID',
    severity: 'error',
    title: 'A replacement regulation table (--rules FILE) is malformed',
    fix: 'Correct the table at the path named; docs/regulations.md describes each row.',
  },
  {
    code: 'LABEL_COUNT_INVALID',
    severity: 'error',
    title: 'A sheet of PAPS labels asks for too few or too many SCNs',
    fix: 'Ask for 1 to 3000 labels (100 sheets of 30) at a time.',
  },
  {
    code: 'LEAD_SHEET_DATE_INVALID',
    severity: 'error',
    title: 'The day of a batch of lead sheets is not a date',
    fix: 'Give the port-local arrival date as YYYY-MM-DD.',
  },
  {
    code: 'SHIPMENT_PAPERS_NOT_INFORMAL',
    severity: 'error',
    title: 'Shipment papers are asked for a shipment that travels on the lead sheet only',
    fix: 'Print papers for Section 321, intangible and CBP-form shipments; PAPS and in-bond shipments are listed on the lead sheet.',
  },
  {
    code: 'COMPANY_LOGO_TYPE',
    severity: 'error',
    title: 'The company logo is neither a PNG nor a JPEG picture',
    fix: 'Save the logo as PNG or JPEG; the file is recognised by its first bytes, not by its name.',
  },
  {
    code: 'COMPANY_LOGO_TOO_LARGE',
    severity: 'error',
    title: 'The company logo file is larger than 512 KiB',
    fix: 'Save the logo smaller: it prints at most 160 × 48 points, so 1,000 pixels across is plenty.',
  },
  {
    code: 'COMPANY_LOGO_DIMENSIONS',
    severity: 'error',
    title: 'The company logo is wider or taller than 4,000 pixels (or has no pixels)',
    fix: 'Scale the picture to 1 to 4,000 pixels on each side.',
  },
  {
    code: 'COMPANY_LOGO_UNREADABLE',
    severity: 'error',
    title: 'The company logo starts like a PNG or JPEG picture but cannot be read',
    fix: 'The file is cut short or damaged: save or export it again.',
  },
  {
    code: 'MAIL_RECIPIENT_INVALID',
    severity: 'error',
    title: 'The address to send the lead sheet to is not an e-mail address',
    fix: "Give the driver's e-mail address, one only: name@example.com.",
  },
  {
    code: 'DRIVER_LINK_EXPIRY_INVALID',
    severity: 'error',
    title: "A driver's-page link is asked to last too short or too long",
    fix: 'Ask for 1 to 336 hours (14 days); the default is 72.',
  },
  {
    code: 'WEBHOOK_URL_INVALID',
    severity: 'error',
    title: 'The webhook address is not an http:// or https:// URL',
    fix: 'Give the full address of the receiver, e.g. https://example.com/hooks/emanifest, without a user name or password in it.',
  },
  {
    code: 'WEBHOOK_URL_PRIVATE',
    severity: 'error',
    title: 'The webhook address is in a private network',
    fix: "Give the receiver's public address. An operator whose receivers live inside the company network allows them with WEBHOOK_PRIVATE_NETWORKS=allow (docs/alerts.md).",
  },
  {
    code: 'WEBHOOK_EVENTS_REQUIRED',
    severity: 'error',
    title: 'A webhook is added without any event to receive',
    fix: 'Choose at least one event, e.g. shipment.released (docs/alerts.md lists them).',
  },
  {
    code: 'WEBHOOK_EVENT_UNKNOWN',
    severity: 'error',
    title: 'A webhook asks for an event this service does not send',
    fix: 'Choose among trip.* and shipment.* accepted, rejected, entry-on-file, arrived, released (docs/alerts.md).',
  },
  {
    code: 'WEBHOOK_LIMIT_REACHED',
    severity: 'error',
    title: 'The company has as many webhook endpoints as it may',
    fix: 'Delete an endpoint it no longer uses, then add the new one.',
  },
  {
    code: 'ALERT_EMAIL_INVALID',
    severity: 'error',
    title: 'An address to e-mail alerts to is not an e-mail address',
    fix: 'Give one address per entry: name@example.com.',
  },
  {
    code: 'PROFILE_EMAIL_INVALID',
    severity: 'error',
    title: "A driver profile's e-mail is not an e-mail address",
    fix: "Give the driver's own address, one only (name@example.com), or leave it empty.",
  },
  {
    code: 'ALERT_RECIPIENTS_TOO_MANY',
    severity: 'error',
    title: 'Too many addresses are given to e-mail alerts to',
    fix: 'Give at most 20 addresses; for more people, use a mailing list address.',
  },
];
