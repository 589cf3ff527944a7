/**
 * syncTrip(deps, actor, { tripId, rekey?, cancel? }) → SyncResult — dispatcher: one
 * action that sends CBP exactly what it needs to match the trip (docs/edi.md, "Sync with
 * CBP"). Nothing is sent when the trip has validation errors or a value X12 cannot carry; the
 * interchanges are stored in the outbox, archived and the filing status moved to
 * "transmitted" in one transaction, with control numbers from the company's sequence, after
 * a read-only one prepared them (support/prepare-sync.ts). The outbox delivers them
 * (deliverOutbox).
 */
import type { Issue } from '../../domain/index.js';
import { InputChecks } from '../shared/input-checks.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import { inTurnWhenLarge } from '../shared/large-work.js';
import { tripOf } from '../shared/lookups.js';
import type {
  FilingHistoryEntry,
  FilingState,
  Repositories,
  SentToCbp,
} from '../shared/ports/index.js';
import {
  interchangesNumberedFrom,
  prepareSync,
  refuseOnFileElsewhere,
  syncInputsMark,
  type PreparedSync,
  type SyncInput,
} from './support/prepare-sync.js';

export type { SyncInput };

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
  return inTurnWhenLarge(shipments, () => syncInTwoSteps(deps, actor, input, now));
}

/**
 * The sync in two transactions: prepared in a read-only one (reading, validating, planning and
 * writing the X12 of a 100,000-shipment trip takes seconds, and on SQLite a write transaction
 * holds up every other request of the service as long), then stored in a short one, if what
 * the preparation read has not changed since; otherwise prepared again there. A resend records
 * what it takes as lost while it prepares: prepared where it is stored.
 */
async function syncInTwoSteps(
  deps: AppDeps,
  actor: Actor,
  input: SyncInput,
  now: Date,
): Promise<SyncResult> {
  const ahead =
    input.resend === true
      ? undefined
      : await deps.store.transaction(
          (repos) => prepareSync(repos, deps, actor, input, now, 'read'),
          { readOnly: true },
        );
  if (ahead?.kind === 'in-sync') return { transmissions: [], issues: ahead.validation };
  return deps.store.transaction(async (repos) => {
    const prepared =
      ahead !== undefined && (await stillCurrent(repos, deps, ahead))
        ? ahead
        : await prepareSync(repos, deps, actor, input, now, 'store');
    if (prepared.kind === 'in-sync') return { transmissions: [], issues: prepared.validation };
    return storeSync(repos, deps, input, prepared, now);
  });
}

/**
 * Whether what was prepared ahead may be stored as it is: nothing it read changed (its mark),
 * the company's sender ID is the one it wrote (stored now where the company had none), and no
 * other trip took one of its new shipments on file at CBP meanwhile.
 */
async function stillCurrent(
  repos: Repositories,
  deps: AppDeps,
  ahead: PreparedSync,
): Promise<boolean> {
  if (ahead.kind !== 'send' || ahead.mark === undefined) return false;
  const { company, trip } = ahead;
  const senderId = await repos.filing.senderId(
    company.id,
    company.scac,
    deps.clock.now().toISOString(),
  );
  if (senderId !== ahead.senderId) return false;
  if ((await syncInputsMark(repos, company.id, trip.id)) !== ahead.mark) return false;
  await refuseOnFileElsewhere(repos, company, trip, ahead.plan, ahead.document);
  return true;
}

/** Stores a prepared sync: its interchanges in the outbox and archive, its states and history. */
async function storeSync(
  repos: Repositories,
  deps: AppDeps,
  input: SyncInput,
  prepared: Extract<PreparedSync, { kind: 'send' }>,
  now: Date,
): Promise<SyncResult> {
  const { company, trip, plan: decision, states } = prepared;
  const first = await repos.filing.reserveControlNumbers(company.id, prepared.interchanges.length);
  const interchanges = interchangesNumberedFrom(prepared, deps, first, now);
  const at = now.toISOString();
  const queued: QueuedTransmission[] = interchanges.map(({ interchange, scns }) => ({
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
      tripNumber: interchanges[i]?.tripNumber ?? trip.tripNumber,
      payload: interchanges[i]?.interchange.text ?? '',
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
      text: interchanges[i]?.interchange.text ?? '',
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
  return { transmissions: queued, issues: [...prepared.validation, ...prepared.ediIssues] };
}
