/**
 * syncTrip(deps, actor, { tripId, rekey?, cancel? }) → SyncResult — dispatcher: one
 * action that sends CBP exactly what it needs to match the trip (docs/edi.md, "Sync with
 * CBP"). Nothing is sent when the trip has validation errors or a value X12 cannot carry; the
 * interchanges are stored in the outbox, archived and the filing status moved to
 * "transmitted" in one transaction, with control numbers from the company's sequence. The
 * outbox delivers them (deliverOutbox).
 */
import { hasErrors, STATUSES_AT_BORDER, statusWords, type Issue } from '../../domain/index.js';
import { defaultEdiProfile, sequentialControlNumbers, type EdiProfile } from '../../edi/index.js';
import { validateDocument } from '../../rules/index.js';
import { InputChecks } from '../shared/input-checks.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { AppError, validationFailed } from '../shared/errors.js';
import { inTurnWhenLarge } from '../shared/large-work.js';
import { companyOf, tripOf } from '../shared/lookups.js';
import type { FilingHistoryEntry, FilingState, SentToCbp } from '../shared/ports/index.js';
import { assembleTripDocument } from '../shared/trip-documents.js';
import { LOST_AFTER_MINUTES, takeAsLost } from './support/lost-interchanges.js';
import { onFileWithAnotherTrip } from './support/on-file-elsewhere.js';
import { planSync, type SyncPlan } from './support/sync-plan.js';
import { writePlan } from './support/write-plan.js';

export interface SyncInput {
  readonly tripId: string;
  /** Confirms a re-key: the trip number or ETA date changed after CBP accepted the trip. */
  readonly rekey?: boolean | undefined;
  /** Withdraws everything CBP accepted of the trip (358 delete, 309 deletes). */
  readonly cancel?: boolean | undefined;
  /**
   * Sends again what CBP never acknowledged: interchanges without a 997 30 minutes after
   * sending are taken as lost (support/lost-interchanges.ts).
   */
  readonly resend?: boolean | undefined;
}

export interface QueuedTransmission {
  readonly id: string;
  readonly setId: '309' | '358';
  readonly purpose: string;
  readonly controlNumber: number;
  readonly scns: readonly string[];
}

export interface SyncResult {
  /** Empty when CBP already has what the trip says. */
  readonly transmissions: readonly QueuedTransmission[];
  /** Warnings met on the way (validation, EDI text adjusted). */
  readonly issues: readonly Issue[];
}

const invalidState = (message: string, issues: readonly Issue[]) =>
  new AppError('INVALID_STATE', message, issues);

export async function syncTrip(deps: AppDeps, actor: Actor, input: SyncInput): Promise<SyncResult> {
  requireEditor(actor);
  // A cancel withdraws the whole trip: a resend or a re-key beside it would be dropped unsaid.
  new InputChecks()
    .check(
      input.cancel !== true || (input.resend !== true && input.rekey !== true),
      'FILING_CANCEL_ALONE',
      '/cancel',
      'A cancel is sent alone; sync without resend or rekey to cancel, or without cancel to resend or re-key.',
    )
    .throwIfAny('Sync');
  const now = deps.clock.now();
  // A sync reads and writes its trip whole (about 250 MB live for 100,000 shipments): a large
  // one takes its turn with the process's other large work (shared/large-work.ts), so that two
  // at once on PostgreSQL, or one beside a large lead sheet, cannot exhaust the heap. The turn
  // is waited for before the transaction opens, holding no connection.
  const shipments = await deps.store.transaction(
    async (repos) => {
      const trip = await tripOf(repos, actor, input.tripId);
      return (await repos.shipments.totalsOfList(trip.companyId, trip.id))?.count ?? 0;
    },
    { readOnly: true },
  );
  return inTurnWhenLarge(shipments, () => syncInOneTransaction(deps, actor, input, now));
}

async function syncInOneTransaction(
  deps: AppDeps,
  actor: Actor,
  input: SyncInput,
  now: Date,
): Promise<SyncResult> {
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const trip = await tripOf(repos, actor, input.tripId);
    const shipments = await repos.shipments.allOfTrip(company.id, trip.id);
    const document = assembleTripDocument(trip, shipments);
    const validation =
      input.cancel === true
        ? []
        : validateDocument(document, { now, scac: company.scac, regulations: deps.regulations });
    if (hasErrors(validation)) {
      throw validationFailed(
        'The trip has errors: nothing was sent to CBP. Correct them and sync again.',
        validation.filter((i) => i.severity === 'error'),
      );
    }
    const transmissions = await repos.filing.listTransmissions(company.id, trip.id);
    const waiting = transmissions.filter((t) => t.state === 'pending');
    if (waiting.length > 0) {
      throw invalidState('Interchanges of this trip are still waiting to be sent.', [
        {
          code: 'FILING_IN_PROGRESS',
          severity: 'error',
          path: '',
          message: `${waiting.length} interchange(s) of this trip wait in the outbox (control numbers ${waiting.map((t) => t.controlNumber).join(', ')}); sync again once they are sent.`,
        },
      ]);
    }
    const read = await repos.filing.states(company.id, trip.id);
    const states =
      input.resend === true ? await takeAsLost(repos, trip, read, transmissions, now) : read;
    const unanswered = states
      .filter((s) => s.status === 'transmitted')
      .map((s) => s.scn || 'the trip');
    if (unanswered.length > 0) {
      // The next sync compares with what CBP accepted: it must know CBP's answer first.
      throw invalidState('CBP has not answered the last sync yet.', [
        {
          code: 'FILING_IN_PROGRESS',
          severity: 'error',
          path: '',
          message: `CBP has not answered yet for ${unanswered.join(', ')}; sync again once it has. If CBP has not even acknowledged it (997) ${LOST_AFTER_MINUTES} minutes after sending, send it again (resend).`,
        },
      ]);
    }
    const decision = planSync({
      document,
      tripState: states.find((s) => s.scn === ''),
      shipmentStates: states.filter((s) => s.scn !== ''),
      rekey: input.rekey === true,
      cancel: input.cancel === true,
    });
    switch (decision.kind) {
      case 'in-sync':
        return { transmissions: [], issues: validation };
      case 'nothing-to-cancel':
        throw invalidState('CBP has nothing of this trip on file.', [
          {
            code: 'FILING_NOTHING_TO_CANCEL',
            severity: 'error',
            path: '',
            message: 'CBP accepted nothing of this trip, so there is nothing to cancel.',
          },
        ]);
      case 'rekey-unconfirmed':
        throw invalidState('The trip number or ETA date changed after CBP accepted the trip.', [
          ...decision.changed.map((field) => ({
            code: 'FILING_REKEY_UNCONFIRMED',
            severity: 'error' as const,
            path: `/${field}`,
            message:
              'CBP knows the trip by its number and arrival date. Confirm the re-key to delete the trip and its shipments at CBP and file them again.',
          })),
        ]);
      case 'plan':
        break;
    }
    refuseAtBorder(decision, states);
    const elsewhere = await onFileWithAnotherTrip(repos, company.id, trip.id, decision, document);
    if (elsewhere.length > 0) {
      throw invalidState(
        'A shipment moved onto this trip is still on file at CBP with another trip: nothing was sent.',
        elsewhere,
      );
    }
    const senderId = await repos.filing.senderId(
      company.id,
      company.scac,
      deps.clock.now().toISOString(),
    );
    // CBP's layout as the operator corrected it (EDI_PROFILE); the company's own identity below.
    const base = deps.ediProfile ?? defaultEdiProfile();
    const profile: EdiProfile = {
      ...base,
      // ISA15: tests until the company files for real (docs/edi.md, the filing mode).
      interchange: {
        ...base.interchange,
        senderId,
        usage: company.filingMode === 'production' ? 'P' : 'T',
      },
      group: { ...base.group, applicationSenderCode: senderId },
    };
    // Written once, with the numbers the company's sequence gives next, then exactly as many
    // reserved: a dry run to count them first wrote the 60 MB of 309s of a 100,000-shipment trip
    // twice. On PostgreSQL another sync of the company may reserve in between (the read takes no
    // lock); then the interchanges are written again with the numbers reserved.
    const expected = (await repos.filing.ediIdentity(company.id))?.nextControlNumber ?? 1;
    let written = writePlan(decision.messages, profile, sequentialControlNumbers(expected), now);
    if (hasErrors(written.issues)) {
      throw validationFailed(
        'Some values cannot be sent in X12: nothing was sent to CBP.',
        written.issues.filter((i) => i.severity === 'error'),
      );
    }
    const first = await repos.filing.reserveControlNumbers(company.id, written.interchanges.length);
    if (first !== expected) {
      written = writePlan(decision.messages, profile, sequentialControlNumbers(first), now);
    }
    const at = now.toISOString();
    const queued: QueuedTransmission[] = written.interchanges.map(({ interchange, scns }) => ({
      id: deps.ids.newId(),
      setId: interchange.setId === '309' ? '309' : '358',
      purpose: interchange.purpose,
      controlNumber: interchange.controlNumbers.interchange,
      scns,
    }));
    await repos.filing.enqueue(
      queued.map((q, i) => ({
        ...q,
        companyId: company.id,
        tripId: trip.id,
        tripNumber: written.interchanges[i]?.tripNumber ?? trip.tripNumber,
        payload: written.interchanges[i]?.interchange.text ?? '',
        createdAt: at,
      })),
      at,
    );
    const history: FilingHistoryEntry[] = [];
    for (const [i, q] of queued.entries()) {
      const archiveId = deps.ids.newId();
      await repos.filing.archive({
        id: archiveId,
        companyId: company.id,
        tripId: trip.id,
        direction: 'out',
        setId: q.setId,
        controlNumber: String(q.controlNumber).padStart(9, '0'),
        at,
        text: written.interchanges[i]?.interchange.text ?? '',
        problem: null,
      });
      history.push({
        companyId: company.id,
        tripId: trip.id,
        scn: '',
        status: 'transmitted',
        at,
        detail: {
          setId: q.setId,
          purpose: q.purpose,
          controlNumber: q.controlNumber,
          scns: q.scns,
        },
        archiveId,
      });
    }
    const previous = new Map(states.map((s) => [s.scn, s]));
    const transmitted = (scn: string, sent: SentToCbp): FilingState => ({
      companyId: company.id,
      tripId: trip.id,
      scn,
      status: 'transmitted',
      accepted: previous.get(scn)?.accepted ?? null,
      sent,
      updatedAt: at,
    });
    // One batch of states for the trip and all its shipments, not a statement per SCN.
    await repos.filing.putStates([
      ...(decision.trip === undefined ? [] : [transmitted('', decision.trip)]),
      ...decision.shipments.map(({ scn, action, snapshot }) =>
        transmitted(scn, { action, snapshot }),
      ),
    ]);
    for (const shipment of decision.shipments) {
      history.push({
        companyId: company.id,
        tripId: trip.id,
        scn: shipment.scn,
        status: 'transmitted',
        at,
        detail: { action: shipment.action },
        archiveId: null,
      });
    }
    await repos.filing.appendHistory(history);
    // The trip's own status in the trips list: filed from its first sync, cancelled by a cancel
    // (and filed again if it is synced after that).
    const status = input.cancel === true ? 'cancelled' : 'filed';
    if (trip.status !== status) await repos.trips.setStatus(company.id, trip.id, status);
    return { transmissions: queued, issues: [...validation, ...written.issues] };
  });
}

/**
 * Nothing more is sent for what CBP reported at the border (arrived, released, on hold): CBP
 * takes no cancel, re-key, delete or change then, and an answer to one would overwrite the
 * status of goods that crossed. A trip at the border sends nothing at all
 * (FILING_TRIP_AT_BORDER); a shipment at the border is neither changed nor withdrawn
 * (FILING_SHIPMENT_AT_BORDER: moved off the trip before that move was refused, say).
 */
function refuseAtBorder(plan: SyncPlan, states: readonly FilingState[]): void {
  const atBorder = new Map(
    states.filter((state) => STATUSES_AT_BORDER.has(state.status)).map((s) => [s.scn, s.status]),
  );
  const tripStatus = atBorder.get('');
  const issues: Issue[] = [];
  if (tripStatus !== undefined) {
    issues.push({
      code: 'FILING_TRIP_AT_BORDER',
      severity: 'error',
      path: '',
      message: `CBP reported the trip ${statusWords(tripStatus)}: nothing more is sent for it. CBP takes no cancel, re-key or change once the truck has arrived.`,
    });
  }
  for (const shipment of tripStatus === undefined ? plan.shipments : []) {
    const status = atBorder.get(shipment.scn);
    if (status === undefined || shipment.action === 'add') continue;
    issues.push({
      code: 'FILING_SHIPMENT_AT_BORDER',
      severity: 'error',
      path: '',
      message: `CBP reported shipment ${shipment.scn} ${statusWords(status)}: it can no longer be ${shipment.action === 'delete' ? 'withdrawn from the trip at CBP; put it back on this trip' : 'changed at CBP; undo the change'}.`,
    });
  }
  if (issues.length > 0) {
    throw invalidState('CBP has this trip at the border: nothing was sent.', issues);
  }
}
