import { pointer, type Issue, type TripDocument } from '../domain/index.js';

/**
 * The text of the CBP truck manifest QR code, printed on the lead sheet and the windshield
 * placard. CBP's "ACE Truck Manifest QR Specifications Guide" (February 2020) fixes five
 * fields of fixed width — data layout version (3), the carrier's trip ID (25), the estimated
 * arrival date `yyyymmdd` (8), and two tractor licence plates of 12 characters each (ISO
 * country 2 + administrative unit 3 + plate 7) — 60 characters, 64 with a single-character
 * delimiter between the fields. It recommends alphanumeric characters, a delimiter and a
 * fill, and leaves their choice to the software. CSMS #64710039 (April 2025): codes with a
 * `+` or stray digits cannot be read by CBP's officers, so data that does not fit is refused
 * here, with the place to fix it, rather than bent into a code nobody can read.
 *
 * Our choices (docs/paperwork.md): the delimiter is `*`, the fill a space, every field left
 * aligned; both are in the QR code's alphanumeric character set (ISO/IEC 18004), so the whole
 * text encodes in alphanumeric mode, and neither occurs inside a field.
 */

/** The layout version we write: the first (and so far only) layout of CBP's guide. */
export const QR_LAYOUT_VERSION = '001';
export const QR_DELIMITER = '*';
export const QR_FILL = ' ';

/** Field widths, in order (CBP's guide). */
export const QR_FIELDS = [
  { name: 'layout version', width: 3 },
  { name: 'trip ID', width: 25 },
  { name: 'estimated arrival date (yyyymmdd)', width: 8 },
  { name: 'tractor plate 1', width: 12 },
  { name: 'tractor plate 2', width: 12 },
] as const;

/** 3 + 25 + 8 + 12 + 12 characters and four delimiters. */
export const QR_PAYLOAD_LENGTH = 64;

/** Widths inside a plate field. */
const PLATE = { country: 2, jurisdiction: 3, number: 7 } as const;

const ALPHANUMERIC = /^[A-Z0-9]+$/;
const ETA = /^(\d{4})-(\d{2})-(\d{2})[ T]\d{2}:\d{2}(:\d{2})?$/;

export type QrPayloadResult =
  | { readonly ok: true; readonly payload: string }
  | { readonly ok: false; readonly issues: readonly Issue[] };

const SOURCE = 'CBP ACE Truck Manifest QR Specifications Guide; CSMS #64710039';

function missing(path: string, message: string): Issue {
  return { code: 'QR_FIELD_MISSING', severity: 'error', path, message, source: SOURCE };
}

function invalid(path: string, message: string): Issue {
  return { code: 'QR_FIELD_INVALID', severity: 'error', path, message, source: SOURCE };
}

function fill(value: string, width: number): string {
  return value.padEnd(width, QR_FILL);
}

/** Upper-cased, trimmed, and refused unless it is 1..width letters and digits. */
function field(
  value: string | undefined,
  width: number,
  path: string,
  label: string,
  issues: Issue[],
): string {
  const text = (value ?? '').trim().toUpperCase();
  if (text === '') {
    issues.push(missing(path, `The QR code needs the ${label}.`));
  } else if (!ALPHANUMERIC.test(text)) {
    issues.push(
      invalid(
        path,
        `The ${label} "${value ?? ''}" has characters other than letters and digits, which CBP cannot read in the QR code.`,
      ),
    );
  } else if (text.length > width) {
    issues.push(
      invalid(
        path,
        `The ${label} "${text}" has ${text.length} characters; the QR code holds at most ${width}.`,
      ),
    );
  }
  return fill(text, width);
}

function plateField(trip: TripDocument, index: number, issues: Issue[]): string {
  const plate = trip.truck?.licensePlates?.[index];
  if (plate === undefined) return fill('', PLATE.country + PLATE.jurisdiction + PLATE.number);
  const path = pointer('truck', 'licensePlates', index);
  return (
    field(plate.country, PLATE.country, `${path}/country`, 'plate country (ISO code)', issues) +
    field(
      plate.stateProvince,
      PLATE.jurisdiction,
      `${path}/stateProvince`,
      'plate state or province',
      issues,
    ) +
    field(plate.number, PLATE.number, `${path}/number`, 'plate number', issues)
  );
}

function etaDate(trip: TripDocument, issues: Issue[]): string {
  const path = pointer('estimatedArrivalDateTime');
  const eta = trip.estimatedArrivalDateTime?.trim() ?? '';
  const match = ETA.exec(eta);
  if (eta === '') issues.push(missing(path, 'The QR code needs the estimated arrival date.'));
  else if (match === null) {
    issues.push(
      invalid(path, `The estimated arrival "${eta}" is not a date-time YYYY-MM-DD HH:MM:SS.`),
    );
  }
  return match === null ? fill('', 8) : `${match[1] ?? ''}${match[2] ?? ''}${match[3] ?? ''}`;
}

/**
 * The 64-character QR text of a trip, or the issues that stop it: the trip number, the ETA
 * date (port-local, as filed) and the truck's first one or two plates (a third plate has no
 * place in the code: CBP's guide leaves that case out).
 */
export function cbpQrPayload(trip: TripDocument): QrPayloadResult {
  const issues: Issue[] = [];
  const tripId = field(trip.tripNumber, 25, pointer('tripNumber'), 'trip number', issues);
  const date = etaDate(trip, issues);
  if ((trip.truck?.licensePlates?.length ?? 0) === 0) {
    issues.push(
      missing(
        pointer('truck', 'licensePlates'),
        "The QR code needs the truck's licence plate (the one transmitted to CBP).",
      ),
    );
  }
  const plates = [plateField(trip, 0, issues), plateField(trip, 1, issues)];
  if (issues.length > 0) return { ok: false, issues };
  const payload = [QR_LAYOUT_VERSION, tripId, date, ...plates].join(QR_DELIMITER);
  return { ok: true, payload };
}
