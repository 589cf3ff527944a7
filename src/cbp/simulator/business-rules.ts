import { findPort, IIT_TYPES } from '../../codes/index.js';
import type { EdiProfile } from '../../edi/index.js';
import type { ManifestSent, ShipmentSent } from './read-manifest.js';
import type { Scenario } from './scenario.js';
import { tripKey, type SimulatorState, type TripOnFile } from './simulator-state.js';
import type { ManifestAnswer, Verdict } from './write-answers.js';

/**
 * The business answer (355) to a 309 or 358 that passed the envelope check, with the state
 * change it causes. Reject texts are those users see from ACE ("Shipment Already on File",
 * "No Person In Charge", "380 INVALID INB DEST PORT CODE"); the others follow their style.
 * Section 321 bill types 13 and 35 (CSMS #64824427) are refused for arrivals on or after the
 * suspension date (CSMS #66065494).
 */
const SECTION_321_BILL_TYPES = new Set(['13', '35']);

export interface RuleContext {
  readonly state: SimulatorState;
  readonly scenario: Scenario;
  readonly now: Date;
  readonly filer: string;
  readonly cbpId: string;
  /** The layout the simulator reads with: the profile the filer's service writes with. */
  readonly profile: EdiProfile;
}

const accept: Verdict = { accepted: true, reasons: [] };
const reject = (...reasons: string[]): Verdict => ({ accepted: false, reasons });

function isoDate(ccyymmdd: string): string {
  return `${ccyymmdd.slice(0, 4)}-${ccyymmdd.slice(4, 6)}-${ccyymmdd.slice(6, 8)}`;
}

/**
 * Instruments of international traffic as CBP would check them: one of the four types (19 CFR
 * 10.41a; EC, EI, MC, MI, sent as the profile maps them) and a count.
 */
function instrumentProblems(sent: ManifestSent, profile: EdiProfile): string[] {
  const typeOf = new Map(
    Object.entries(profile.instrumentTypes ?? {}).map(([type, qualifier]) => [qualifier, type]),
  );
  return sent.instruments.flatMap(({ qualifier, quantity }) => [
    ...(IIT_TYPE_CODES.has(typeOf.get(qualifier) ?? qualifier)
      ? []
      : [`INV IIT TYPE ${qualifier}`]),
    ...(/^[1-9]\d*$/.test(quantity) ? [] : [`INV IIT QUANTITY ${quantity}`]),
  ]);
}

const IIT_TYPE_CODES = new Set(Object.keys(IIT_TYPES));

function tripProblems(sent: ManifestSent): string[] {
  const reasons: string[] = [];
  if (sent.scac === '') reasons.push('SCAC REQUIRED');
  if (sent.tripNumber === '') reasons.push('TRIP NUMBER REQUIRED');
  if (sent.port === '') reasons.push('PORT OF ARRIVAL REQUIRED');
  else if (findPort(sent.port) === undefined) reasons.push(`INV PORT OF ARRIVAL ${sent.port}`);
  return reasons;
}

function dataProblems(sent: ManifestSent, shipment: ShipmentSent, scenario: Scenario): string[] {
  const reasons: string[] = [];
  if (!shipment.shipper) reasons.push('SHIPPER REQUIRED');
  if (!shipment.consignee) reasons.push('CONSIGNEE REQUIRED');
  if (shipment.commodities === 0) reasons.push('COMMODITY DESCRIPTION REQUIRED');
  if (
    SECTION_321_BILL_TYPES.has(shipment.billType) &&
    sent.date !== '' &&
    isoDate(sent.date) >= scenario.section321SuspendedFrom
  ) {
    reasons.push('INV BILL TYPE SECTION 321 NOT ALLOWED');
  }
  if (shipment.inBond !== undefined) {
    if (shipment.inBond.destinationPort === '') reasons.push('INB DEST PORT REQUIRED');
    else if (!/^\d{4}$/.test(shipment.inBond.destinationPort)) {
      reasons.push('380 INVALID INB DEST PORT CODE');
    }
  }
  return reasons;
}

function answerFor(
  sent: ManifestSent,
  trip: Verdict,
  shipments: ManifestAnswer['shipments'],
): ManifestAnswer {
  return {
    scac: sent.scac,
    conveyance: sent.conveyance,
    tripNumber: sent.tripNumber,
    manifestType: sent.manifestType,
    port: sent.port,
    date: sent.date,
    trip,
    shipments,
    countLine: sent.setId === '309' && shipments.length > 0,
  };
}

function tripOnFile(context: RuleContext, sent: ManifestSent): TripOnFile {
  const key = tripKey(sent.scac, sent.tripNumber);
  const existing = context.state.trips[key];
  if (existing !== undefined) return existing;
  const created: TripOnFile = {
    scac: sent.scac,
    tripNumber: sent.tripNumber,
    port: sent.port,
    etaDate: sent.date,
    conveyance: sent.conveyance,
    complete: false,
    shipments: [],
  };
  context.state.trips[key] = created;
  return created;
}

/** Queues the 350s of a shipment that is now on a complete manifest. */
function schedule(context: RuleContext, scn: string): void {
  const { state, scenario, now } = context;
  const shipment = state.shipments[scn];
  if (shipment === undefined) return;
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const t = scenario.timeline;
  if (shipment.brokerNamed && !shipment.inBond) {
    state.pending.push({ dueAt: at(t.entryOnFile), scn, code: '02' });
  }
  state.pending.push({ dueAt: at(t.arrival), scn, code: '19' });
  let releaseAfter = t.release;
  let released = true;
  for (const hold of scenario.holds.filter((h) => h.scn === scn)) {
    state.pending.push({ dueAt: at(hold.placed), scn, code: '1H', remark: hold.remark });
    if (hold.removed === undefined) released = false;
    else {
      state.pending.push({ dueAt: at(hold.removed), scn, code: '1I' });
      releaseAfter = Math.max(releaseAfter, hold.removed + 1);
    }
  }
  // A hold removed is not a release: the release comes after the last removal, or never.
  if (released) {
    state.pending.push({ dueAt: at(releaseAfter), scn, code: shipment.inBond ? '1J' : '1C' });
  }
  // Not sorted here: the simulator's tick orders what falls due. Sorting the whole list per
  // shipment made a 100,000-shipment manifest take many minutes, the service stalled meanwhile.
}

/**
 * Shipments taken off their trips (deleted, or unlinked by a 358), gathered while a message is
 * read and dropped from the trips' lists and the due statuses in one pass each (a manifest may
 * name 100,000 shipments; a pass per shipment was quadratic). Settled before any of them is
 * touched again in the same message, so the outcome is that of taking each off at once.
 */
class Removals {
  readonly #context: RuleContext;
  readonly #trips: () => readonly TripOnFile[];
  readonly #scns = new Set<string>();

  constructor(context: RuleContext, trips: () => readonly TripOnFile[]) {
    this.#context = context;
    this.#trips = trips;
  }

  add(scn: string): void {
    this.#scns.add(scn);
  }

  /**
   * Settles the removals gathered so far when `scn` is one of them (it is touched again);
   * true when it did (the trips' lists changed).
   */
  before(scn: string): boolean {
    if (!this.#scns.has(scn)) return false;
    this.settle();
    return true;
  }

  settle(): void {
    if (this.#scns.size === 0) return;
    const gone = this.#scns;
    for (const trip of this.#trips()) {
      trip.shipments = trip.shipments.filter((scn) => !gone.has(scn));
    }
    this.#context.state.pending = this.#context.state.pending.filter((p) => !gone.has(p.scn));
    this.#scns.clear();
  }
}

export function apply309(context: RuleContext, sent: ManifestSent): ManifestAnswer {
  const { state, scenario } = context;
  const types = context.profile.manifestTypes;
  const amend = context.profile.amendmentTypes;
  const tripReasons = tripProblems(sent);
  const existingTrip = state.trips[tripKey(sent.scac, sent.tripNumber)];
  if (sent.manifestType === types.complete && existingTrip?.complete === true) {
    tripReasons.push('COMPLETE MANIFEST ALREADY ON FILE');
  }
  // Only a complete 309 carries the trip (its first message, before any shipment).
  tripReasons.push(...instrumentProblems(sent, context.profile));
  if (tripReasons.length > 0) {
    return answerFor(
      sent,
      reject(...tripReasons),
      sent.shipments.map((s) => ({ scn: s.scn, ...reject('TRIP REJECTED') })),
    );
  }
  const trip = tripOnFile(context, sent);
  const removals = new Removals(context, () => Object.values(state.trips));
  let onTrip = new Set(trip.shipments);
  const outcomes = sent.shipments.map((shipment) => {
    if (removals.before(shipment.scn)) onTrip = new Set(trip.shipments);
    const onFile = state.shipments[shipment.scn];
    const ours = onFile !== undefined && onFile.scac === sent.scac;
    const kind =
      shipment.amendment === amend.delete || sent.manifestType === types.delete
        ? 'delete'
        : shipment.amendment === amend.change || sent.manifestType === types.update
          ? 'change'
          : 'add';
    if (kind === 'delete') {
      if (!ours) return { scn: shipment.scn, ...reject('SHIPMENT NOT ON FILE') };
      Reflect.deleteProperty(state.shipments, shipment.scn);
      removals.add(shipment.scn);
      return { scn: shipment.scn, ...accept };
    }
    if (kind === 'add' && onFile !== undefined) {
      return { scn: shipment.scn, ...reject('SHIPMENT ALREADY ON FILE') };
    }
    if (kind === 'change' && !ours) {
      return { scn: shipment.scn, ...reject('SHIPMENT NOT ON FILE') };
    }
    const problems = dataProblems(sent, shipment, scenario);
    if (problems.length > 0) return { scn: shipment.scn, ...reject(...problems) };
    const complete = sent.manifestType === types.complete;
    state.shipments[shipment.scn] = {
      scn: shipment.scn,
      scac: sent.scac,
      tripNumber: complete ? trip.tripNumber : onFile?.tripNumber,
      port: sent.port,
      billType: shipment.billType,
      brokerNamed: shipment.brokerNamed,
      inBond: shipment.inBond !== undefined,
      filer: context.filer,
      cbpId: context.cbpId,
    };
    if (complete) {
      if (!onTrip.has(shipment.scn)) {
        trip.shipments.push(shipment.scn);
        onTrip.add(shipment.scn);
      }
      schedule(context, shipment.scn);
    }
    return { scn: shipment.scn, ...accept };
  });
  removals.settle();
  if (sent.manifestType === types.complete && sent.driver) trip.complete = true;
  return answerFor(sent, accept, outcomes);
}

export function apply358(context: RuleContext, sent: ManifestSent): ManifestAnswer {
  const { state } = context;
  const types = context.profile.consistTypes;
  const amend = context.profile.amendmentTypes;
  const key = tripKey(sent.scac, sent.tripNumber);
  const existing = state.trips[key];
  const tripReasons = tripProblems(sent);
  if (sent.manifestType === types.delete) {
    if (existing === undefined) tripReasons.push('TRIP NOT ON FILE');
    if (tripReasons.length > 0) return answerFor(sent, reject(...tripReasons), []);
    const removals = new Removals(context, () => []);
    for (const scn of existing?.shipments ?? []) {
      const shipment = state.shipments[scn];
      if (shipment !== undefined) shipment.tripNumber = undefined;
      removals.add(scn);
    }
    removals.settle();
    Reflect.deleteProperty(state.trips, key);
    return answerFor(sent, { accepted: true, reasons: ['MANIFEST DELETED'] }, []);
  }
  if (sent.manifestType === types.original && existing?.complete === true) {
    tripReasons.push('COMPLETE MANIFEST ALREADY ON FILE');
  }
  if (sent.manifestType === types.update && existing?.complete !== true) {
    tripReasons.push('TRIP NOT ON FILE');
  }
  if (!sent.driver) tripReasons.push('NO PERSON IN CHARGE');
  tripReasons.push(...instrumentProblems(sent, context.profile));
  if (tripReasons.length > 0) {
    return answerFor(
      sent,
      reject(...tripReasons),
      sent.links.map((l) => ({ scn: l.scn, ...reject('TRIP REJECTED') })),
    );
  }
  const trip = tripOnFile(context, sent);
  trip.port = sent.port;
  trip.etaDate = sent.date;
  trip.conveyance = sent.conveyance;
  trip.complete = true;
  const removals = new Removals(context, () => [trip]);
  const outcomes = sent.links.map((link) => {
    removals.before(link.scn);
    const shipment = state.shipments[link.scn];
    if (shipment === undefined || shipment.scac !== sent.scac) {
      return { scn: link.scn, ...reject('SHIPMENT NOT ON FILE') };
    }
    if (link.amendment === amend.delete) {
      shipment.tripNumber = undefined;
      removals.add(link.scn);
      return { scn: link.scn, ...accept };
    }
    if (shipment.tripNumber !== undefined && shipment.tripNumber !== sent.tripNumber) {
      return { scn: link.scn, ...reject(`INV LINK SHIPMENT ON TRIP ${shipment.tripNumber}`) };
    }
    if (shipment.tripNumber === undefined) {
      shipment.tripNumber = sent.tripNumber;
      trip.shipments.push(link.scn);
      schedule(context, link.scn);
    }
    return { scn: link.scn, ...accept };
  });
  removals.settle();
  return answerFor(sent, { accepted: true, reasons: ['COMPLETE MANIFEST ON FILE'] }, outcomes);
}
