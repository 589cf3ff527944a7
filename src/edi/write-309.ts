import {
  pointer,
  type Issue,
  type Commodity,
  type Party,
  type Shipment,
  type TripDocument,
} from '../domain/index.js';
import { guardedControlNumbers } from './control-numbers.js';
import { seal, type Interchange, type WriteContext, type WriteResult } from './interchange.js';
import type { EdiProfile } from './profile.js';
import { fixed, id, SegmentBuilder, text } from './segment-builder.js';
import {
  addArrival,
  addConveyance,
  addCrew,
  addInstruments,
  addSeals,
  addTrailers,
  scacOf,
} from './trip-segments.js';

/**
 * 309 Customs Manifest: the shipments of a trip (ASC X12 004060, transaction set 309).
 * `preliminary` sends shipments only (a 358 follows with the trip); `complete` also carries the
 * trip (conveyance, crew, equipment) in the first message; `update` and `delete` send an M13
 * amendment per shipment. CBP takes at most 9,999 shipments per 309 (CSMS #19-000156), so
 * larger trips are split into several messages, each in its own envelope.
 */
export type ManifestPurpose = 'preliminary' | 'complete' | 'update' | 'delete';

export interface Write309Request {
  readonly trip: TripDocument;
  readonly purpose: ManifestPurpose;
  /** Indexes into `trip.shipments`; all of them when omitted. */
  readonly shipments?: readonly number[];
}

export interface Write309Result extends WriteResult {
  /**
   * The indexes into `trip.shipments` each interchange carries, in the order of
   * `interchanges`: the split at the profile's limit is made here, and only here.
   */
  readonly shipments: readonly (readonly number[])[];
}

function addParty(
  out: SegmentBuilder,
  entity: string,
  party: Party | undefined,
  base: string,
  reference?: { qualifier: string; value: string | undefined; path: string },
): void {
  if (party === undefined) return;
  // X12 N1 needs a name or an identifier (syntax note R0203). A broker may be given by its filer
  // code alone (the CSV template's Broker column); its N1 then names it by that code, which its
  // N9 carries as the reference CBP reads.
  const name = party.name ?? reference?.value;
  out.add('N1', {
    entity: fixed(entity),
    name:
      party.name === undefined && reference !== undefined
        ? text(name, reference.path)
        : text(name, base, 'name'),
  });
  const address = party.address;
  if (address !== undefined) {
    out.add('N3', { address: text(address.addressLine, base, 'address/addressLine') });
    out.add('N4', {
      city: text(address.city, base, 'address/city'),
      stateProvince: id(address.stateProvince, base, 'address/stateProvince'),
      postalCode: id(address.postalCode, base, 'address/postalCode'),
      country: id(address.country, base, 'address/country'),
    });
  }
  if (reference?.value !== undefined) {
    out.add('N9', {
      qualifier: fixed(reference.qualifier),
      reference: id(reference.value, reference.path),
    });
  }
}

function addCommodity(out: SegmentBuilder, profile: EdiProfile, item: Commodity, base: string) {
  const [firstMark, ...moreMarks] = item.marksAndNumbers ?? [];
  out.add('N10', {
    quantity: id(item.quantity, base, 'quantity'),
    description: text(item.description, base, 'description'),
    marks: text(firstMark, base, 'marksAndNumbers/0'),
    commodityCodeQualifier: fixed(
      item.harmonizedCode === undefined ? undefined : profile.qualifiers.harmonizedCode,
    ),
    // HTS numbers are written with dots for people (8708.40.7570); the code is the digits.
    harmonizedCode: id(item.harmonizedCode?.replace(/[.\s-]/g, ''), base, 'harmonizedCode'),
    value: id(item.value, base, 'value'),
    weightUnit: id(item.weightUnit?.charAt(0), base, 'weightUnit'),
    weight: id(item.weight, base, 'weight'),
    packagingUnit: id(item.packagingUnit, base, 'packagingUnit'),
    countryOfOrigin: id(item.countryOfOrigin, base, 'countryOfOrigin'),
  });
  moreMarks.forEach((marks, i) => {
    out.add('MAN', {
      qualifier: fixed(profile.qualifiers.marks),
      marks: text(marks, `${base}/marksAndNumbers/${i + 1}`),
    });
  });
  const hazmat = item.hazmat;
  if (hazmat !== undefined) {
    out.add('H1', { unNumber: id(hazmat.unNumber, base, 'hazmat/unNumber') });
    const contact = hazmat.emergencyContact;
    if (contact !== undefined) {
      const at = `${base}/hazmat/emergencyContact`;
      const q = profile.qualifiers;
      out.add('PER', {
        function: fixed(q.emergencyContact),
        name: text(contact.name, at, 'name'),
        phoneQualifier: fixed(contact.phone === undefined ? undefined : q.phone),
        phone: id(contact.phone, at, 'phone'),
        emailQualifier: fixed(contact.email === undefined ? undefined : q.email),
        email: id(contact.email, at, 'email'),
      });
    }
  }
}

/**
 * Where a commodity is loaded: the truck, or a trailer of the trip. Without `loadedOn` it goes
 * on the only trailer, or on the truck when there is none (the rule engine's reading,
 * src/rules/commodities/commodity-loaded-on.rule.ts); `TRUCK` without a number is the trip's
 * truck (what the CSV template's Loaded On = TRUCK stores), and `TRAILER` without one its only
 * trailer.
 */
function equipmentOf(
  trip: TripDocument,
  loadedOn: Commodity['loadedOn'],
): { readonly truck: boolean; readonly number: string | undefined } {
  const trailers = trip.trailers ?? [];
  const only = trailers.length === 1 ? trailers[0] : undefined;
  if (loadedOn === undefined) {
    return only === undefined
      ? { truck: true, number: trip.truck?.number }
      : { truck: false, number: only.number };
  }
  if (loadedOn.type?.toUpperCase() === 'TRUCK') {
    return { truck: true, number: loadedOn.number ?? trip.truck?.number };
  }
  return { truck: false, number: loadedOn.number ?? only?.number };
}

/**
 * One VID loop per piece of equipment the shipment's goods are loaded on, the truck included,
 * each followed by its commodities (N10): a commodity without a VID of its own would read as
 * loaded on the equipment of the VID before it.
 */
function addEquipmentLoops(
  out: SegmentBuilder,
  profile: EdiProfile,
  trip: TripDocument,
  shipment: Shipment,
  base: string,
) {
  const groups = new Map<string, { truck: boolean; number: string | undefined; items: number[] }>();
  (shipment.commodities ?? []).forEach((item, i) => {
    const equipment = equipmentOf(trip, item.loadedOn);
    const key = `${equipment.truck ? 'truck' : 'trailer'}\u0000${equipment.number ?? ''}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ...equipment, items: [i] });
    else group.items.push(i);
  });
  for (const { truck, number, items } of groups.values()) {
    const first = items[0] ?? 0;
    const at = `${base}/commodities/${first}/loadedOn`;
    const trailerIndex = truck ? -1 : (trip.trailers ?? []).findIndex((t) => t.number === number);
    const trailer = trip.trailers?.[trailerIndex];
    out.add('VID', {
      type: id(
        truck ? trip.truck?.type : trailer?.type,
        truck
          ? '/truck/type'
          : trailer === undefined
            ? `${at}/type`
            : `${pointer('trailers', trailerIndex)}/type`,
      ),
      number: id(number, truck ? '/truck/number' : `${at}/number`),
    });
    if (trailer !== undefined) {
      addSeals(out, trailer.sealNumbers, `${pointer('trailers', trailerIndex)}/sealNumbers`);
    }
    for (const i of items) {
      const item = shipment.commodities?.[i];
      if (item !== undefined) addCommodity(out, profile, item, `${base}/commodities/${i}`);
    }
  }
}

function addShipment(
  out: SegmentBuilder,
  context: WriteContext,
  trip: TripDocument,
  index: number,
  loop: number,
  purpose: ManifestPurpose,
) {
  const profile = context.profile;
  const q = profile.qualifiers;
  const shipment = trip.shipments?.[index] ?? {};
  const base = pointer('shipments', index);
  out.add('LX', { number: fixed(loop) });
  if (purpose === 'update' || purpose === 'delete') {
    out.add('M13', {
      scac: id(scacOf(trip), '/tripNumber'),
      port: id(trip.usPortOfArrival, '/usPortOfArrival'),
      amendmentType: fixed(profile.amendmentTypes[purpose === 'update' ? 'change' : 'delete']),
    });
  }
  if (purpose === 'delete') {
    // A delete names the shipment and nothing else: CBP finds it by its SCN.
    out.add('M11', { scn: id(shipment.shipmentControlNumber, base, 'shipmentControlNumber') });
    return;
  }
  const type = shipment.type;
  const billType = type === undefined ? undefined : profile.shipmentTypes[type];
  if (type !== undefined && billType === undefined) {
    out.issues.push({
      code: 'EDI_CODE_UNMAPPED',
      severity: 'error',
      path: `${base}/type`,
      message: `The profile has no 309 bill type for shipment type "${type}" (profile: shipmentTypes).`,
    });
  }
  const pieces = (shipment.commodities ?? []).reduce((sum, c) => sum + (c.quantity ?? 0), 0);
  out.add('M11', {
    scn: id(shipment.shipmentControlNumber, base, 'shipmentControlNumber'),
    port: id(trip.usPortOfArrival, '/usPortOfArrival'),
    quantity: fixed(pieces > 0 ? pieces : undefined),
    billType: fixed(billType),
  });
  if (shipment.provinceOfLoading !== undefined) {
    out.add('N9', {
      qualifier: fixed(q.provinceOfLoading),
      reference: id(shipment.provinceOfLoading, base, 'provinceOfLoading'),
    });
  }
  if (shipment.orderReference !== undefined) {
    out.add('N9', {
      qualifier: fixed(q.orderReference),
      reference: text(shipment.orderReference, base, 'orderReference'),
    });
  }
  addParty(out, q.shipper, shipment.shipper, `${base}/shipper`);
  addParty(out, q.consignee, shipment.consignee, `${base}/consignee`);
  addParty(out, q.broker, shipment.broker, `${base}/broker`, {
    qualifier: q.brokerFilerCode,
    value: shipment.broker?.filerCode,
    path: `${base}/broker/filerCode`,
  });
  const bond = shipment.inBond;
  if (bond !== undefined) {
    const at = `${base}/inBond`;
    out.add('M12', {
      type: id(bond.type, at, 'type'),
      number: id(bond.number, at, 'number'),
      destinationPort: id(bond.destinationPort, at, 'destinationPort'),
      foreignDestination: id(bond.foreignDestination, at, 'foreignDestination'),
      firmsCode: id(bond.firmsCode, at, 'firmsCode'),
    });
  }
  addEquipmentLoops(out, profile, trip, shipment, base);
}

export function write309(request: Write309Request, context: WriteContext): Write309Result {
  const { trip, purpose } = request;
  const profile = context.profile;
  const guarded = { ...context, controlNumbers: guardedControlNumbers(context.controlNumbers) };
  const indexes = request.shipments ?? (trip.shipments ?? []).map((_, i) => i);
  const chunks: number[][] = [];
  for (let i = 0; i < indexes.length; i += profile.maxShipmentsPer309) {
    chunks.push(indexes.slice(i, i + profile.maxShipmentsPer309));
  }
  if (chunks.length === 0) chunks.push([]);
  const manifestType = profile.manifestTypes[purpose];
  const interchanges: Interchange[] = [];
  const issues: Issue[] = [];
  for (const [n, chunk] of chunks.entries()) {
    const out = new SegmentBuilder(profile, `309 #${n + 1}`);
    out.add('M10', {
      scac: id(scacOf(trip), '/tripNumber'),
      transportMethod: fixed(profile.transportMethod),
      conveyanceNumber: id(trip.truck?.number, '/truck/number'),
      tripNumber: id(trip.tripNumber, '/tripNumber'),
      manifestType: fixed(manifestType),
    });
    if (purpose === 'complete' && n === 0) {
      addInstruments(out, profile, trip);
      addConveyance(out, trip);
      addCrew(out, profile, trip);
    }
    addArrival(out, profile, trip, chunk.length);
    if (purpose === 'complete' && n === 0) addTrailers(out, trip);
    chunk.forEach((index, loop) => {
      addShipment(out, guarded, trip, index, loop + 1, purpose);
    });
    for (const issue of out.issues) issues.push(issue);
    interchanges.push(seal('309', purpose, out, chunk.length, guarded));
  }
  return { interchanges, issues, shipments: chunks };
}
