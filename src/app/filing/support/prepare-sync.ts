import {
  hasErrors,
  STATUSES_AT_BORDER,
  statusWords,
  type Issue,
  type TripDocument,
} from '../../../domain/index.js';
import {
  defaultEdiProfile,
  sequentialControlNumbers,
  type EdiProfile,
} from '../../../edi/index.js';
import { validateDocument } from '../../../rules/index.js';
import type { Actor } from '../../shared/actor.js';
import type { AppDeps } from '../../shared/deps.js';
import { AppError, validationFailed } from '../../shared/errors.js';
import { companyOf, tripOf } from '../../shared/lookups.js';
import type { FilingState, Repositories } from '../../shared/ports/index.js';
import type { Company, TripRecord } from '../../shared/records.js';
import { assembleTripDocument } from '../../shared/trip-documents.js';
import { LOST_AFTER_MINUTES, takeAsLost } from './lost-interchanges.js';
import { onFileWithAnotherTrip } from './on-file-elsewhere.js';
import { planSync, type SyncPlan } from './sync-plan.js';
import { writePlan, type PlannedInterchange } from './write-plan.js';

/**
 * What a sync decides from what it reads, before it writes anything: the trip validated, its
 * filing's state checked, the plan, and the plan's interchanges written with the numbers the
 * company's sequence gives next. syncTrip prepares in a read-only transaction, which on SQLite
 * holds up no other request, then writes what it prepared in a short one when what it read has
 * not changed since (`mark`); otherwise it prepares again there (ADR 0027).
 */
export type PreparedSync =
  /** CBP already has what the trip says. */
  | { readonly kind: 'in-sync'; readonly validation: readonly Issue[] }
  | {
      readonly kind: 'send';
      readonly company: Company;
      readonly trip: TripRecord;
      /** Warnings of the rules (errors refuse the sync). */
      readonly validation: readonly Issue[];
      readonly states: readonly FilingState[];
      /** The trip with its shipments, as validated and planned. */
      readonly document: TripDocument;
      readonly plan: SyncPlan;
      /** The company's ISA06 the interchanges name. */
      readonly senderId: string;
      /** The control number the first interchange carries. */
      readonly firstControlNumber: number;
      readonly interchanges: readonly PlannedInterchange[];
      /** Warnings met writing them (text X12 cannot carry, replaced). */
      readonly ediIssues: readonly Issue[];
      /** What the preparation read, in a word; undefined when it changed while being read. */
      readonly mark: string | undefined;
    };

/** What syncTrip is asked. */
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

/**
 * Prepares the sync `input` asks for. `identity`: `read` in a read-only transaction (the
 * company's sender ID as it is, or the one its first sync will store); `store` creates it
 * where the company has none, as it is written then. A resend records the interchanges it
 * takes as lost as it prepares: only in a transaction that may write.
 */
export async function prepareSync(
  repos: Repositories,
  deps: AppDeps,
  actor: Actor,
  input: SyncInput,
  now: Date,
  identity: 'read' | 'store',
): Promise<PreparedSync> {
  // First: on PostgreSQL a change after it, even to the trip or the company read next, makes
  // the mark read last differ.
  const markBefore = await syncInputsMark(repos, actor.companyId, input.tripId);
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
      return { kind: 'in-sync', validation };
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
  await refuseOnFileElsewhere(repos, company, trip, decision, document);
  const stored = await repos.filing.ediIdentity(company.id);
  const senderId =
    identity === 'store'
      ? await repos.filing.senderId(company.id, company.scac, deps.clock.now().toISOString())
      : (stored?.senderId ?? company.scac);
  // Written once, with the numbers the company's sequence gives next; syncTrip reserves exactly
  // as many when it stores them (a dry run to count them first wrote the 60 MB of 309s of a
  // 100,000-shipment trip twice).
  const firstControlNumber = stored?.nextControlNumber ?? 1;
  const written = writePlan(
    decision.messages,
    ediProfileOf(deps, company, senderId),
    sequentialControlNumbers(firstControlNumber),
    now,
  );
  if (hasErrors(written.issues)) {
    throw validationFailed(
      'Some values cannot be sent in X12: nothing was sent to CBP.',
      written.issues.filter((i) => i.severity === 'error'),
    );
  }
  // Read again after: on PostgreSQL each statement of a transaction sees what was committed
  // before it, so a change between the reads shows as two marks that differ.
  const markAfter = await syncInputsMark(repos, company.id, trip.id);
  return {
    kind: 'send',
    company,
    trip,
    validation,
    states,
    document,
    plan: decision,
    senderId,
    firstControlNumber,
    interchanges: written.interchanges,
    ediIssues: written.issues,
    mark: markBefore === markAfter ? markBefore : undefined,
  };
}

/**
 * The interchanges of `prepared` under the numbers reserved for them: as prepared when those
 * are the numbers they were written with, else written again (another sync of the company
 * reserved the next ones first, as two syncs on PostgreSQL can).
 */
export function interchangesNumberedFrom(
  prepared: Extract<PreparedSync, { kind: 'send' }>,
  deps: AppDeps,
  first: number,
  now: Date,
): readonly PlannedInterchange[] {
  if (first === prepared.firstControlNumber) return prepared.interchanges;
  return writePlan(
    prepared.plan.messages,
    ediProfileOf(deps, prepared.company, prepared.senderId),
    sequentialControlNumbers(first),
    now,
  ).interchanges;
}

/**
 * Everything a preparation read that a write could change, in a word: the trip (its version
 * moves with each edit of its own fields, its status with filing), its shipments' totals (count,
 * summed versions, last change: an edit, an addition, a removal or a move), its filing (states,
 * history, outbox, archive) and the company's SCAC and filing mode. The sender ID is compared
 * on its own: a company's first sync stores it.
 */
export async function syncInputsMark(
  repos: Repositories,
  companyId: string,
  tripId: string,
): Promise<string> {
  const current = await repos.trips.findById(companyId, tripId);
  const ownCompany = await repos.companies.findById(companyId);
  const totals = await repos.shipments.totalsOfList(companyId, tripId);
  const filing = await repos.filing.changeMark(companyId, tripId);
  return JSON.stringify([
    current?.version ?? null,
    current?.status ?? null,
    ownCompany?.scac ?? null,
    ownCompany?.filingMode ?? null,
    totals ?? null,
    filing,
  ]);
}

/**
 * A shipment moved onto this trip that CBP still holds with another trip is refused (CBP would
 * answer "Shipment Already on File"). Those states are the other trips': not in the mark, so
 * asked again when a prepared sync is stored.
 */
export async function refuseOnFileElsewhere(
  repos: Repositories,
  company: Company,
  trip: TripRecord,
  plan: SyncPlan,
  document: TripDocument,
): Promise<void> {
  const elsewhere = await onFileWithAnotherTrip(repos, company.id, trip.id, plan, document);
  if (elsewhere.length > 0) {
    throw invalidState(
      'A shipment moved onto this trip is still on file at CBP with another trip: nothing was sent.',
      elsewhere,
    );
  }
}

function ediProfileOf(deps: AppDeps, company: Company, senderId: string): EdiProfile {
  // CBP's layout as the operator corrected it (EDI_PROFILE); the company's own identity below.
  const base = deps.ediProfile ?? defaultEdiProfile();
  return {
    ...base,
    // ISA15: tests until the company files for real (docs/edi.md, the filing mode).
    interchange: {
      ...base.interchange,
      senderId,
      usage: company.filingMode === 'production' ? 'P' : 'T',
    },
    group: { ...base.group, applicationSenderCode: senderId },
  };
}

const invalidState = (message: string, issues: readonly Issue[]) =>
  new AppError('INVALID_STATE', message, issues);

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
