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
    title: 'Interchanges of this trip are still waiting to be sent',
    fix: 'Wait until the outbox has sent them (the filing status shows each one), then sync again.',
  },
  {
    code: 'FILING_NOTHING_TO_CANCEL',
    severity: 'error',
    title: 'CBP has nothing of this trip on file to cancel',
    fix: 'Delete the trip instead: nothing was accepted by CBP, so nothing needs to be withdrawn.',
  },
];
