import { DateTime } from 'luxon';
import type { PortRow } from '../../codes/index.js';
import { findPort } from '../../codes/index.js';
import type { ManifestDocument } from '../../domain/index.js';

/** The ETA format of the commercial JSON: port-local wall-clock time, no offset. */
export const ETA_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export type ArrivalReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown-port'; readonly port: string | undefined }
  | { readonly kind: 'unparseable'; readonly text: string }
  /** The wall-clock time is skipped by a spring-forward DST change at the port. */
  | { readonly kind: 'nonexistent'; readonly text: string; readonly port: PortRow }
  | {
      readonly kind: 'instant';
      readonly port: PortRow;
      /** The arrival as an instant, computed in the port's own zone with DST. */
      readonly at: Date;
      /** The port-local calendar date, `YYYY-MM-DD`: the "arrival day" of 19 CFR 10.151. */
      readonly localDate: string;
    };

/**
 * Reads the trip's ETA in the time zone of its port of arrival: 19 CFR 123.92 asks for the
 * scheduled arrival at the port, and time-zone and DST mistakes are a known source of trouble
 * (docs/regulations.md#the-eta-is-port-local-wall-clock-time).
 */
export function readArrival(document: ManifestDocument): ArrivalReading {
  if (document.data !== 'ACE_TRIP' || document.estimatedArrivalDateTime === undefined) {
    return { kind: 'absent' };
  }
  // Several rules read the same ETA, and a zone-aware parse costs tens of microseconds: the
  // reading is a pure function of (port, text), so recent ones are remembered.
  const key = `${document.usPortOfArrival ?? ''}|${document.estimatedArrivalDateTime}`;
  const known = recentReadings.get(key);
  if (known !== undefined) return known;
  const reading = readPortTime(document.usPortOfArrival, document.estimatedArrivalDateTime);
  if (recentReadings.size >= RECENT_LIMIT) recentReadings.clear();
  recentReadings.set(key, reading);
  return reading;
}

const RECENT_LIMIT = 1024;
const recentReadings = new Map<string, ArrivalReading>();

function readPortTime(portCode: string | undefined, text: string): ArrivalReading {
  const port = portCode === undefined ? undefined : findPort(portCode);
  const wallClock = DateTime.fromFormat(text, ETA_FORMAT, { zone: 'UTC' });
  // Read back: Luxon accepts e.g. hour 24, which no ETA should be.
  if (!wallClock.isValid || wallClock.toFormat(ETA_FORMAT) !== text) {
    return { kind: 'unparseable', text };
  }
  if (port === undefined) return { kind: 'unknown-port', port: portCode };
  const local = DateTime.fromFormat(text, ETA_FORMAT, { zone: port.timeZone });
  // Luxon moves a time inside the spring-forward gap to a real one; detect that by reading back.
  if (local.toFormat(ETA_FORMAT) !== text) return { kind: 'nonexistent', text, port };
  return { kind: 'instant', port, at: local.toJSDate(), localDate: local.toFormat('yyyy-MM-dd') };
}

/** Formats an instant as port-local wall-clock time with the zone abbreviation, for messages. */
export function portLocal(at: Date, port: PortRow): string {
  return DateTime.fromJSDate(at, { zone: port.timeZone }).toFormat('yyyy-MM-dd HH:mm ZZZZ');
}
