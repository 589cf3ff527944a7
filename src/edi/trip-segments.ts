import { pointer, type LicensePlate, type Person, type TripDocument } from '../domain/index.js';
import { fixed, id, text, type SegmentBuilder } from './segment-builder.js';
import type { EdiProfile } from './profile.js';

/**
 * The trip half of a manifest, shared by the 358 and a complete 309: instruments of
 * international traffic (N9), conveyance (VEH, its seals in M7), insurance (CII), crew (NM1
 * loop with DMG and REF travel documents). Layout
 * after the X12 358 structure (ASC X12 004060, transaction set 358); positions are the
 * profile's.
 */

/** ETA `YYYY-MM-DD HH:MM:SS` (port-local wall clock) → CCYYMMDD and HHMM, kept port-local. */
export function etaParts(eta: string | undefined): { date?: string; time?: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(eta ?? '');
  if (match === null) return {};
  const [, y, mo, d, h, mi] = match;
  return { date: `${y}${mo}${d}`, time: `${h}${mi}` };
}

export const compactDate = (date: string | undefined) => date?.replaceAll('-', '');

function plates(plates: readonly LicensePlate[] | undefined, base: string) {
  const [first, second] = plates ?? [];
  return {
    plateNumber: id(first?.number, base, 'licensePlates/0/number'),
    plateStateProvince: id(first?.stateProvince, base, 'licensePlates/0/stateProvince'),
    plateCountry: id(first?.country, base, 'licensePlates/0/country'),
    secondPlateNumber: id(second?.number, base, 'licensePlates/1/number'),
    secondPlateStateProvince: id(second?.stateProvince, base, 'licensePlates/1/stateProvince'),
    secondPlateCountry: id(second?.country, base, 'licensePlates/1/country'),
  };
}

/** Seals go four to an M7 segment (M701–M704). */
export function addSeals(out: SegmentBuilder, seals: readonly string[] | undefined, base: string) {
  const list = seals ?? [];
  for (let i = 0; i < list.length; i += 4) {
    out.add('M7', {
      seal1: id(list[i], `${base}/${i}`),
      seal2: id(list[i + 1], `${base}/${i + 1}`),
      seal3: id(list[i + 2], `${base}/${i + 2}`),
      seal4: id(list[i + 3], `${base}/${i + 3}`),
    });
  }
}

export function addConveyance(out: SegmentBuilder, trip: TripDocument): void {
  const truck = trip.truck;
  if (truck === undefined) return;
  out.add('VEH', {
    unitNumber: id(truck.number, '/truck/number'),
    vin: id(truck.vinNumber, '/truck/vinNumber'),
    type: id(truck.type, '/truck/type'),
    dotNumber: id(truck.dotNumber, '/truck/dotNumber'),
    transponderNumber: id(truck.transponderNumber, '/truck/transponderNumber'),
    ...plates(truck.licensePlates, '/truck'),
  });
  addSeals(out, truck.sealNumbers, '/truck/sealNumbers');
  const policy = truck.insurancePolicy;
  if (policy !== undefined) {
    const base = '/truck/insurancePolicy';
    out.add('CII', {
      insurerName: text(policy.insuranceCompanyName, base, 'insuranceCompanyName'),
      policyNumber: id(policy.policyNumber, base, 'policyNumber'),
      issuedDate: id(compactDate(policy.issuedDate), base, 'issuedDate'),
      amount: id(policy.policyAmount, base, 'policyAmount'),
    });
  }
}

function addPerson(
  out: SegmentBuilder,
  profile: EdiProfile,
  person: Person,
  role: 'driver' | 'passenger',
  base: string,
): void {
  const q = profile.qualifiers;
  const identity =
    person.fastCardNumber !== undefined
      ? { idQualifier: fixed(q.fastCard), id: id(person.fastCardNumber, base, 'fastCardNumber') }
      : person.aceId !== undefined
        ? { idQualifier: fixed(q.aceId), id: id(person.aceId, base, 'aceId') }
        : {};
  out.add('NM1', {
    entity: fixed(q[role]),
    entityType: fixed(q.personEntityType),
    lastName: text(person.lastName, base, 'lastName'),
    firstName: text(person.firstName, base, 'firstName'),
    middleName: text(person.middleName, base, 'middleName'),
    ...identity,
  });
  if (
    person.dateOfBirth !== undefined ||
    person.gender !== undefined ||
    person.citizenshipCountry !== undefined
  ) {
    out.add('DMG', {
      dateFormat: fixed(person.dateOfBirth === undefined ? undefined : q.dateFormat),
      dateOfBirth: id(compactDate(person.dateOfBirth), base, 'dateOfBirth'),
      gender: id(person.gender, base, 'gender'),
      citizenshipCountry: id(person.citizenshipCountry, base, 'citizenshipCountry'),
    });
  }
  (person.travelDocuments ?? []).forEach((document, index) => {
    const at = `${base}/travelDocuments/${index}`;
    const type = document.type;
    out.add('REF', {
      qualifier: id(
        type === undefined ? undefined : (profile.travelDocumentTypes[type] ?? type),
        `${at}/type`,
      ),
      number: id(document.number, at, 'number'),
      country: id(document.country, at, 'country'),
      stateProvince: id(document.stateProvince, at, 'stateProvince'),
    });
  });
}

export function addCrew(out: SegmentBuilder, profile: EdiProfile, trip: TripDocument): void {
  (trip.drivers ?? []).forEach((driver, i) => {
    addPerson(out, profile, driver, 'driver', pointer('drivers', i));
  });
  (trip.passengers ?? []).forEach((passenger, i) => {
    addPerson(out, profile, passenger, 'passenger', pointer('passengers', i));
  });
}

/**
 * Instruments of international traffic (reusable racks, pallets, containers; 19 CFR 10.41a),
 * declared with the trip: one N9 each in the heading, where X12's 358 puts its references,
 * with the type (EC, EI, MC, MI, mapped by the profile) as the qualifier, the count as the
 * reference and the description as its free-form text. CBP's truck 358 carries them
 * (docs/edi.md); the layout is an assumption the profile can correct.
 */
export function addInstruments(out: SegmentBuilder, profile: EdiProfile, trip: TripDocument): void {
  (trip.instrumentsOfInternationalTraffic ?? []).forEach((instrument, i) => {
    const base = pointer('instrumentsOfInternationalTraffic', i);
    const type = instrument.type?.trim().toUpperCase();
    out.add('N9', {
      qualifier: id(
        type === undefined ? undefined : (profile.instrumentTypes?.[type] ?? type),
        `${base}/type`,
      ),
      reference: id(instrument.quantity, base, 'quantity'),
      description: text(instrument.description, base, 'description'),
    });
  });
}

/** P4 (port of arrival, ETA date) and DTM (ETA date and time, port-local). */
export function addArrival(
  out: SegmentBuilder,
  profile: EdiProfile,
  trip: TripDocument,
  shipmentCount?: number,
): void {
  const eta = etaParts(trip.estimatedArrivalDateTime);
  out.add('P4', {
    port: id(trip.usPortOfArrival, '/usPortOfArrival'),
    date: id(eta.date, '/estimatedArrivalDateTime'),
    shipmentCount: fixed(shipmentCount),
  });
  if (eta.date !== undefined) {
    out.add('DTM', {
      qualifier: fixed(profile.qualifiers.estimatedArrival),
      date: id(eta.date, '/estimatedArrivalDateTime'),
      time: id(eta.time, '/estimatedArrivalDateTime'),
    });
  }
}

/** Trailers and containers: VID with plates, then their seals. */
export function addTrailers(out: SegmentBuilder, trip: TripDocument): void {
  (trip.trailers ?? []).forEach((trailer, i) => {
    const base = pointer('trailers', i);
    out.add('VID', {
      type: id(trailer.type, base, 'type'),
      number: id(trailer.number, base, 'number'),
      ...plates(trailer.licensePlates, base),
    });
    addSeals(out, trailer.sealNumbers, `${base}/sealNumbers`);
  });
}

/** The carrier's SCAC: the trip number starts with it (CBP ACE eManifest trip number format). */
export function scacOf(trip: TripDocument): string | undefined {
  return trip.tripNumber?.slice(0, 4);
}
