import { defaultEdiProfile, type EdiProfile } from '../../edi/index.js';
import { apply309, apply358 } from './business-rules.js';
import { checkEnvelope } from './check-envelope.js';
import { readManifest } from './read-manifest.js';
import type { Scenario } from './scenario.js';
import {
  emptyState,
  receiptKey,
  type Answer,
  type PendingStatus,
  type SimulatorState,
} from './simulator-state.js';
import { answerText, body350, body355, body997, type StatusLine } from './write-answers.js';

/**
 * The simulator's behaviour without its server: a transmission in, answers out. State changes
 * are made on the value held here; the server saves it after each change. Time is simulated:
 * `simulatedNow` runs `scenario.acceleration` times faster than the real clock, and can be moved
 * forward by `advance`.
 */
export type Receipt =
  | { readonly outcome: 'unaddressable'; readonly reason: string }
  | { readonly outcome: 'duplicate' | 'received'; readonly controlNumber: string };

export class CbpSimulator {
  constructor(
    public state: SimulatorState,
    private readonly scenario: Scenario,
    private readonly realNow: () => number = Date.now,
    /** CBP's layout as the filer's service writes it (EDI_PROFILE there, --profile here). */
    private readonly profile: EdiProfile = defaultEdiProfile(),
  ) {}

  static fresh(
    scenario: Scenario,
    realNow: () => number = Date.now,
    profile: EdiProfile = defaultEdiProfile(),
  ): CbpSimulator {
    const now = realNow();
    const state = emptyState(now, new Date(now));
    for (const scn of scenario.shipmentsOnFile) {
      // Filed earlier by someone else (another carrier or another system): only its SCN matters.
      state.shipments[scn] = {
        scn,
        scac: '',
        tripNumber: undefined,
        port: '',
        billType: '',
        brokerNamed: false,
        inBond: false,
        filer: '',
        cbpId: '',
      };
    }
    return new CbpSimulator(state, scenario, realNow, profile);
  }

  simulatedNow(): Date {
    const { simulatedAt, realAt } = this.state.clock;
    const elapsed = (this.realNow() - realAt) * this.scenario.acceleration;
    return new Date(Date.parse(simulatedAt) + elapsed);
  }

  /** Moves simulated time forward (tests, demos) without waiting. */
  advance(minutes: number): void {
    const now = this.simulatedNow();
    this.state.clock = {
      simulatedAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
      realAt: this.realNow(),
    };
  }

  /** Re-anchors the clock so the saved state carries the simulated time reached. */
  anchor(): void {
    this.state.clock = { simulatedAt: this.simulatedNow().toISOString(), realAt: this.realNow() };
  }

  receive(text: string): Receipt {
    const envelope = checkEnvelope(text);
    if (envelope.kind === 'unaddressable')
      return { outcome: 'unaddressable', reason: envelope.reason };
    const key = receiptKey(envelope.sender, envelope.controlNumber);
    const seen = this.state.receipts[key];
    if (seen !== undefined) {
      // X12.6: a receiver detects a repeated interchange control number and does not process
      // it again. The answer already in the mailbox stands.
      seen.deliveries += 1;
      return { outcome: 'duplicate', controlNumber: envelope.controlNumber };
    }
    const now = this.simulatedNow();
    this.state.receipts[key] = {
      sender: envelope.sender,
      controlNumber: envelope.controlNumber,
      setId: envelope.setId,
      deliveries: 1,
      firstAt: now.toISOString(),
    };
    const address = { from: envelope.receiver, to: envelope.sender };
    this.post('997', body997(envelope), address, envelope.controlNumber, now);
    if (envelope.problems.length > 0)
      return { outcome: 'received', controlNumber: envelope.controlNumber };
    const setId = envelope.setId === '309' ? '309' : '358';
    const sent = readManifest(setId, envelope.body, this.profile);
    const context = {
      state: this.state,
      scenario: this.scenario,
      now,
      filer: envelope.sender,
      cbpId: envelope.receiver,
      profile: this.profile,
    };
    const answer = setId === '309' ? apply309(context, sent) : apply358(context, sent);
    this.post('355', body355(answer), address, envelope.controlNumber, now);
    return { outcome: 'received', controlNumber: envelope.controlNumber };
  }

  /** Sends every 350 now due: one interchange per trip. Returns how many were written. */
  tick(): number {
    const now = this.simulatedNow();
    // In the order they fall due (a stable sort: as scheduled when at the same time).
    const due = this.state.pending
      .filter((p) => Date.parse(p.dueAt) <= now.getTime())
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    if (due.length === 0) return 0;
    this.state.pending = this.state.pending.filter((p) => Date.parse(p.dueAt) > now.getTime());
    const byTrip = new Map<string, PendingStatus[]>();
    for (const status of due) {
      const shipment = this.state.shipments[status.scn];
      if (shipment === undefined) continue;
      const key = `${shipment.filer}\u0000${shipment.scac}/${shipment.tripNumber ?? ''}`;
      const statuses = byTrip.get(key);
      if (statuses === undefined) byTrip.set(key, [status]);
      else statuses.push(status);
    }
    let written = 0;
    for (const statuses of byTrip.values()) {
      const first = this.state.shipments[statuses[0]?.scn ?? ''];
      if (first === undefined) continue;
      const trip = this.state.trips[`${first.scac}/${first.tripNumber ?? ''}`];
      const lines: StatusLine[] = statuses.map((s) => ({
        scn: s.scn,
        code: s.code,
        at: new Date(s.dueAt),
        remark: s.remark,
        ...(s.code === '02' ? { entryType: '01', entryNumber: this.nextEntryNumber() } : {}),
      }));
      const body = body350(
        {
          scac: first.scac,
          conveyance: trip?.conveyance ?? '',
          tripNumber: first.tripNumber ?? '',
          port: trip?.port ?? first.port,
        },
        lines,
      );
      this.post('350', body, { from: first.cbpId, to: first.filer }, undefined, now);
      written += 1;
    }
    return written;
  }

  answersAfter(cursor: number, receiver: string | undefined): Answer[] {
    return this.state.answers.filter(
      (a) => a.seq > cursor && (receiver === undefined || a.receiver === receiver),
    );
  }

  private nextEntryNumber(): string {
    this.state.lastEntry += 1;
    // Filer code, 7-digit serial, check digit: the shape of a CBP entry number.
    return `SIM${String(this.state.lastEntry).padStart(7, '0')}0`;
  }

  private post(
    setId: Answer['setId'],
    body: Parameters<typeof answerText>[1],
    address: { from: string; to: string },
    answers: string | undefined,
    now: Date,
  ): void {
    const controlNumber = this.state.nextControlNumber++;
    this.state.answers.push({
      seq: (this.state.answers.at(-1)?.seq ?? 0) + 1,
      receiver: address.to,
      setId,
      answers,
      text: answerText(setId, body, controlNumber, address, now, this.profile),
      at: now.toISOString(),
    });
  }
}
