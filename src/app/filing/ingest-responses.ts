/**
 * ingestResponses(deps, transport) → IngestReport — reads CBP's answers from the transport and
 * turns them into filing status and history: a 997 rejection or a 355 reject marks the trip or
 * shipment rejected with CBP's reasons; a 355 acceptance records what CBP now has (the next sync
 * compares with it); 350s move shipments to entry on file, arrived, on hold, released.
 *
 * Every interchange is archived raw, readable or not. One that cannot be read, or that names
 * no company or trip of ours, is kept with the problem, never dropped. The transport's cursor
 * moves in the same transaction, so a crash re-reads at most what was not stored; an
 * interchange stored already is recognised and skipped.
 *
 * A change to accepted, rejected, entry on file, arrived or released queues its alerts
 * (webhooks, e-mail) in the same transaction: deliverAlerts sends them.
 */
import type { Reason } from '../../edi/index.js';
import { readX12, splitInterchanges, splitSegments, type EdiEvent } from '../../edi/index.js';
import { enqueueAlerts, isAlertStatus, type StatusChange } from '../alerts/support/alert-events.js';
import type { Clock, IdGenerator } from '../shared/deps.js';
import { FilingStateCache } from './support/filing-state-cache.js';
import { refusalProblems, storableText } from './support/inbound-problems.js';
import type {
  ArchivedInterchange,
  CbpTransport,
  Mailer,
  FilingHistoryEntry,
  FilingStateChange,
  FilingStatusOf,
  FilingStatus,
  InboundMessage,
  Repositories,
  Store,
  Transmission,
} from '../shared/ports/index.js';

export interface IngestReport {
  readonly messages: number;
  /** Interchanges kept with a problem (unreadable, or for no company or trip of ours). */
  readonly flagged: number;
}

interface Context {
  readonly companyId: string;
  readonly at: string;
  readonly archiveId: string;
  readonly history: FilingHistoryEntry[];
  /** Changes people are alerted of, queued with the history (docs/alerts.md). */
  readonly changes: StatusChange[];
  readonly states: FilingStateCache;
  readonly repos: Repositories;
  /** The transmissions the interchange's 997s acknowledge, by group control number. */
  readonly transmissions: ReadonlyMap<string, Transmission | undefined>;
}

/** What the interchanges of one batch share: its transaction, its time, what each company got. */
interface Batch {
  readonly repos: Repositories;
  readonly at: string;
  readonly deps: IngestDeps;
  /** The filing states one ingest keeps per company for its whole transaction. */
  readonly caches: Map<string, FilingStateCache>;
  /** The status changes to alert of, per company, sent once for the whole batch. */
  readonly changesOf: Map<string, StatusChange[]>;
}

/** An answer kept in the archive, applied or not (its `problem` says why not, or what). */
function archiveInbound(
  batch: Batch,
  entry: Omit<ArchivedInterchange, 'direction' | 'at'>,
): Promise<void> {
  return batch.repos.filing.archive({ ...entry, direction: 'in', at: batch.at });
}

export interface IngestDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** E-mail alerts are queued only when the service can send mail. */
  readonly mailer?: Mailer | undefined;
  readonly publicUrl?: string | undefined;
}

const reasonsOf = (reasons: readonly Reason[]) =>
  reasons.map((r) => ({ code: r.code ?? null, text: r.text }));

/** CBP's count line speaks of shipments; it does not accept or reject the trip. */
const COUNT_LINE = /shipments rejected \d+,? shipments accepted \d+/i;

/** What an answer makes of a state: its new status and what becomes of what was sent. */
type Answered = Pick<FilingStateChange, 'status' | 'effect'>;

async function setStatus(
  context: Context,
  tripId: string,
  scn: string,
  change: (before: FilingStatusOf | undefined) => Answered,
  detail: Record<string, unknown>,
): Promise<void> {
  const { companyId, at } = context;
  const before = await context.states.of(tripId, scn);
  const next = change(before);
  context.states.set({ companyId, tripId, scn, ...next, updatedAt: at });
  if (before?.status !== next.status && isAlertStatus(next.status)) {
    context.changes.push({ tripId, scn, status: next.status, detail });
  }
  context.history.push({
    companyId,
    tripId,
    scn,
    status: next.status,
    at,
    detail,
    archiveId: context.archiveId,
  });
}

const rejected: Answered = { status: 'rejected', effect: 'rejected' };

/** The status alone: what was sent, if anything, still waits. */
const statusOnly = (status: FilingStatus): Answered => ({ status, effect: 'status' });

function acceptedChange(before: FilingStatusOf | undefined): Answered {
  if (before?.sentAction === null || before === undefined) {
    // Already recorded (the 358's answer repeating a shipment its 309 answer accepted).
    return statusOnly(before?.status ?? 'accepted');
  }
  if (before.sentAction === 'delete') {
    return { status: before.scn === '' ? 'cancelled' : 'deleted', effect: 'withdrawn' };
  }
  return { status: 'accepted', effect: 'accepted' };
}

async function applyEvent(context: Context, event: EdiEvent, tripOfAnswer: string | undefined) {
  const { companyId } = context;
  switch (event.kind) {
    case 'acknowledgment': {
      const transmission = context.transmissions.get(event.groupControlNumber);
      if (transmission === undefined)
        return `997 acknowledges group ${event.groupControlNumber}, which is none of ours`;
      const detail = {
        event: '997',
        controlNumber: transmission.controlNumber,
        accepted: event.accepted,
        reasons: event.sets.flatMap((set) =>
          set.segmentErrors.map((e) => ({
            code: e.errorCode,
            text: `Envelope error in segment ${e.segmentId} at position ${e.position} (X12 syntax error ${e.errorCode})`,
          })),
        ),
      };
      if (event.accepted) {
        context.history.push({
          companyId,
          tripId: transmission.tripId,
          scn: '',
          status: 'transmitted',
          at: context.at,
          detail,
          archiveId: context.archiveId,
        });
        return undefined;
      }
      // A rejected 309 says nothing of the trip; a rejected 358 nothing of the shipments' data.
      for (const scn of transmission.setId === '358' ? [''] : transmission.scns) {
        await setStatus(context, transmission.tripId, scn, () => rejected, detail);
      }
      return undefined;
    }
    case 'manifest-response': {
      const tripId = tripOfAnswer;
      if (tripId === undefined)
        return `355 for trip ${event.tripNumber ?? '?'}, which is none of ours`;
      const tripReasons = event.trip?.reasons ?? [];
      const speaksOfTrip =
        event.trip !== undefined &&
        (!event.trip.accepted ||
          event.shipments.length === 0 ||
          tripReasons.some((r) => !COUNT_LINE.test(r.text)));
      if (event.trip !== undefined && speaksOfTrip) {
        const accepted = event.trip.accepted;
        await setStatus(
          context,
          tripId,
          '',
          (before) => (accepted ? acceptedChange(before) : rejected),
          { event: '355', accepted, reasons: reasonsOf(tripReasons) },
        );
      }
      for (const outcome of event.shipments) {
        await setStatus(
          context,
          tripId,
          outcome.scn,
          (before) => (outcome.accepted ? acceptedChange(before) : rejected),
          { event: '355', accepted: outcome.accepted, reasons: reasonsOf(outcome.reasons) },
        );
      }
      return undefined;
    }
    case 'status': {
      const state = await context.states.ofScn(event.scn);
      if (state === undefined) return `350 for SCN ${event.scn}, which is none of ours`;
      const detail = {
        event: '350',
        dispositionCode: event.dispositionCode,
        meaning: event.disposition?.meaning ?? 'a code this system does not know',
        entryNumber: event.entryNumber ?? null,
        date: event.date ?? null,
        time: event.time ?? null,
        remarks: event.remarks,
      };
      const effect = event.disposition?.effect;
      let status: FilingStatus = state.status;
      if (effect === 'entry-on-file') status = 'entry-on-file';
      else if (effect === 'arrived') status = 'arrived';
      else if (effect === 'released' || event.dispositionCode === '1J') status = 'released';
      else if (effect === 'hold') status = 'on-hold';
      else if (effect === 'hold-removed') {
        // A hold removed is not a release: back to where the shipment was before the hold.
        // This interchange's entries are written when it is done: they come last, then the
        // shipment's stored history.
        const before = (h: FilingHistoryEntry) =>
          h.tripId === state.tripId && h.scn === event.scn && h.status !== 'on-hold';
        const earlier =
          context.history.findLast(before) ??
          (
            await context.repos.filing.historyOf(context.companyId, state.tripId, event.scn)
          ).findLast(before);
        status = earlier?.status ?? 'accepted';
      }
      await setStatus(context, state.tripId, event.scn, () => statusOnly(status), detail);
      if (effect === 'arrived') {
        await setStatus(context, state.tripId, '', () => statusOnly('arrived'), detail);
      }
      return undefined;
    }
    case 'unreadable':
      return `segment ${event.position}: ${event.reason}`;
  }
}

/**
 * One message of the transport, interchange by interchange: each names its own receiver
 * (ISA08), so a file that carries answers for two filers applies each to its own company only.
 * Returns how many were kept with a problem.
 */
async function ingestOne(batch: Batch, message: InboundMessage): Promise<number> {
  if (message.problem !== undefined) {
    // The transport could not read it whole (too large, not text): kept, never applied.
    await archiveInbound(batch, {
      id: batch.deps.ids.newId(),
      companyId: null,
      tripId: null,
      setId: null,
      controlNumber: null,
      text: storableText(message.text).text,
      problem: `${message.ref}: ${message.problem}`,
    });
    return 1;
  }
  let flagged = 0;
  for (const part of splitInterchanges(message.text)) {
    if (await ingestInterchange(batch, part)) flagged += 1;
  }
  return flagged;
}

async function ingestInterchange(batch: Batch, received: string): Promise<boolean> {
  const { repos, at, deps, caches, changesOf } = batch;
  const { text, binary } = storableText(received);
  const { segments } = splitSegments(text);
  const isa = segments.find((s) => s.id === 'ISA');
  const receiver = isa?.elements[7]?.trim() ?? '';
  const controlNumber = isa?.elements[12] ?? null;
  const setId = segments.find((s) => s.id === 'ST')?.elements[0] ?? null;
  const companyId = receiver === '' ? undefined : await repos.filing.companyBySenderId(receiver);
  if (
    controlNumber !== null &&
    (await repos.filing.alreadyReceived(companyId ?? null, controlNumber, text))
  ) {
    return false;
  }
  const archiveId = deps.ids.newId();
  const archive = (tripId: string | null, problem: string | null) =>
    archiveInbound(batch, {
      id: archiveId,
      companyId: companyId ?? null,
      tripId,
      setId,
      controlNumber,
      text,
      problem,
    });
  if (companyId === undefined) {
    await archive(null, `addressed to "${receiver}", which is no company's sender ID`);
    return true;
  }
  const events = readX12(text);
  const history: FilingHistoryEntry[] = [];
  let states = caches.get(companyId);
  if (states === undefined) {
    states = new FilingStateCache(repos, companyId);
    caches.set(companyId, states);
  }
  await states.lookUpScns(events.flatMap((event) => (event.kind === 'status' ? [event.scn] : [])));
  const transmissions = new Map<string, Transmission | undefined>();
  for (const event of events) {
    if (event.kind === 'acknowledgment' && !transmissions.has(event.groupControlNumber)) {
      const group = event.groupControlNumber;
      transmissions.set(group, await repos.filing.findTransmission(companyId, Number(group)));
    }
  }
  const context: Context = {
    companyId,
    at,
    archiveId,
    history,
    changes: [],
    states,
    repos,
    transmissions,
  };
  let tripId: string | undefined;
  for (const event of events) {
    if (event.kind === 'manifest-response' && event.tripNumber !== undefined) {
      tripId ??= await repos.filing.tripIdByNumber(companyId, event.tripNumber);
    } else if (event.kind === 'acknowledgment') {
      tripId ??= transmissions.get(event.groupControlNumber)?.tripId;
    } else if (event.kind === 'status') {
      tripId ??= (await states.ofScn(event.scn))?.tripId;
    }
  }
  const refused = refusalProblems(events, binary);
  if (refused.length > 0) {
    await archive(tripId ?? null, `${refused.join('; ')}. Nothing of this interchange applied.`);
    return true;
  }
  const problems: string[] = [];
  for (const event of events) {
    const problem = await applyEvent(context, event, tripId);
    if (problem !== undefined) problems.push(problem);
  }
  await states.write();
  // The archive row first: the history entries point at it.
  await archive(tripId ?? null, problems.length === 0 ? null : problems.join('; '));
  await repos.filing.appendHistory(history);
  const changes = changesOf.get(companyId);
  if (changes === undefined) changesOf.set(companyId, context.changes);
  else changes.push(...context.changes);
  return problems.length > 0;
}

export async function ingestResponses(
  deps: IngestDeps,
  transport: CbpTransport,
): Promise<IngestReport> {
  const cursor = await deps.store.transaction((repos) => repos.filing.cursor(transport.name));
  const batch = await transport.receive(cursor);
  if (batch.messages.length === 0) return { messages: 0, flagged: 0 };
  const at = deps.clock.now().toISOString();
  const flagged = await deps.store.transaction(async (repos) => {
    // First, so that of two instances that read the same answers only one stores them.
    if (
      batch.cursor !== undefined &&
      !(await repos.filing.moveCursor(transport.name, cursor, batch.cursor))
    ) {
      return undefined;
    }
    let count = 0;
    const ingesting: Batch = { repos, at, deps, caches: new Map(), changesOf: new Map() };
    for (const message of batch.messages) count += await ingestOne(ingesting, message);
    // Alerts once per company for the whole batch, in the same transaction: CBP sends a trip's
    // 350s as many interchanges, and each enqueue reads the trip and its shipments.
    for (const [companyId, changes] of ingesting.changesOf) {
      await enqueueAlerts(repos, companyId, changes, {
        ids: deps.ids,
        at,
        emailEnabled: deps.mailer !== undefined,
        publicUrl: deps.publicUrl,
      });
    }
    return count;
  });
  if (flagged === undefined) return { messages: 0, flagged: 0 };
  await transport.settle(batch);
  return { messages: batch.messages.length, flagged };
}
