import type { IssueDefinition } from './rule.js';

/**
 * Issues raised when a trip is synced with CBP (src/app/filing). They stop a sync before
 * anything is stored or sent; validation errors and EDI errors (EDI_*) stop it too.
 */
export const FILING_ISSUES: readonly IssueDefinition[] = [
  {
    code: 'FILING_REKEY_UNCONFIRMED',
    severity: 'error',
    title: 'The trip number or ETA date changed after CBP accepted the trip',
    fix: 'CBP knows the trip by its number and arrival date: confirm the re-key (sync with rekey), which deletes the trip and its shipments at CBP and files them again under the new values, or put the old values back.',
    source: 'docs/edi.md#plan-for-the-later-slices',
  },
  {
    code: 'FILING_IN_PROGRESS',
    severity: 'error',
    title: 'Interchanges of this trip are still waiting to be sent, or CBP has not answered them',
    fix: 'Wait until the outbox has sent them and CBP has answered (the filing status shows each one), then sync again. If CBP has not even acknowledged them (997) 30 minutes after sending, send them again (resend).',
    source: 'docs/edi.md#when-cbp-does-not-answer',
  },
  {
    code: 'FILING_RESEND_TOO_SOON',
    severity: 'error',
    title: 'The interchange was sent less than 30 minutes ago: it is not taken as lost yet',
    fix: 'CBP acknowledges an interchange (997) within seconds and answers (355) within a minute or two; wait, and send again only if no acknowledgement came 30 minutes after sending.',
    source: 'docs/edi.md#when-cbp-does-not-answer',
  },
  {
    code: 'FILING_RESEND_ACKNOWLEDGED',
    severity: 'error',
    title: 'CBP acknowledged the interchange (997): it reached CBP and is not sent again',
    fix: "Wait for CBP's answer (355); if it does not come, call the ACE help desk with the interchange's control number (the filing history shows it).",
    source: 'docs/edi.md#when-cbp-does-not-answer',
  },
  {
    code: 'FILING_TRIP_ON_FILE',
    severity: 'error',
    title: 'CBP has this trip on file: deleting it here would leave it there',
    fix: "Cancel the trip's filing first (Cancel filing, or sync with cancel) and wait for CBP to confirm it, then delete the trip. A trip CBP recorded as arrived or released, or never accepted, may be deleted as it is.",
    source: 'docs/edi.md#sync-with-cbp',
  },
  {
    code: 'FILING_SHIPMENT_AT_BORDER',
    severity: 'error',
    title:
      'CBP reported the shipment arrived, released or on hold: it can no longer be deleted or moved off its trip',
    fix: 'Leave it on its trip: after arrival a delete cannot withdraw a shipment from CBP. Before arrival, delete or move it and sync the trip, which sends CBP the delete.',
    source: 'docs/edi.md#sync-with-cbp',
  },
  {
    code: 'FILING_TRIP_AT_BORDER',
    severity: 'error',
    title:
      'CBP reported the trip arrived, released or on hold: it can no longer be cancelled or re-keyed',
    fix: 'Leave the filing as it is: once the truck has arrived CBP takes no delete of the trip. A change of trip number or date after arrival is not sent.',
    source: 'docs/edi.md#sync-with-cbp',
  },
  {
    code: 'FILING_SCN_ON_ANOTHER_TRIP',
    severity: 'error',
    title: 'A shipment moved onto this trip is still on file at CBP with its former trip',
    fix: 'Sync the former trip first: its sync withdraws the shipment there (309 delete). Then sync this trip, which files the shipment here. CBP refuses a second filing of an SCN it has on file.',
    source: 'docs/edi.md#sync-with-cbp',
  },
  {
    code: 'FILING_NOTHING_TO_CANCEL',
    severity: 'error',
    title: 'CBP has nothing of this trip on file to cancel',
    fix: 'Delete the trip instead: nothing was accepted by CBP, so nothing needs to be withdrawn.',
  },
  {
    code: 'FILING_CANCEL_ALONE',
    severity: 'error',
    title: 'A cancel was asked together with a resend or a re-key',
    fix: 'Send the cancel alone: it withdraws everything CBP accepted of the trip, so nothing else is sent with it.',
  },
  {
    code: 'EDI_SENDER_ID_FORMAT',
    severity: 'error',
    title: 'The interchange sender ID (ISA06, GS02) cannot be sent in X12',
    fix: 'Type the sender ID CBP assigned exactly: 2 to 15 upper-case letters, digits or basic X12 punctuation, with no space at the start or end.',
    source: 'docs/edi.md#the-companys-sender-id',
  },
  {
    code: 'EDI_SENDER_ID_TAKEN',
    severity: 'error',
    title:
      "The sender ID is another company's (one it holds or has held, or the SCAC it files under)",
    fix: 'Check the sender ID in the letter CBP sent at certification: each filer has its own. A company that has not set one files under its SCAC.',
  },
  {
    code: 'EDI_SENDER_ID_CHANGED_AFTER_FILING',
    severity: 'warning',
    title: 'The sender ID changed after the company had filed with CBP',
    fix: 'Interchanges already sent keep the old ID; answers CBP still sends to it reach the company, as the old ID stays its own. Tell your CBP client representative before filing under the new ID, or CBP refuses what you send under it.',
    source: 'docs/edi.md#the-companys-sender-id',
  },
];
