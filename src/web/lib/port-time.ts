/**
 * ETAs are port-local wall-clock times without an offset (ADR 0004): shown in the port's own
 * zone with the zone named, so a dispatcher in Toronto reads a Laredo arrival correctly.
 */
import { DateTime } from 'luxon';
import { findPort } from '../../codes/ports.js';

export interface PortTime {
  /** e.g. "2026-11-30 14:00 CST". */
  readonly text: string;
  /** The IANA zone, e.g. "America/Chicago", for a tooltip or screen reader. */
  readonly zone: string | undefined;
}

export function portLocalTime(eta: string | undefined, portCode: string | undefined): PortTime {
  if (eta === undefined || eta === '') return { text: '—', zone: undefined };
  const zone = portCode === undefined ? undefined : findPort(portCode)?.timeZone;
  if (zone === undefined) return { text: `${eta.slice(0, 16)} (port time)`, zone: undefined };
  const local = DateTime.fromFormat(eta, 'yyyy-MM-dd HH:mm:ss', { zone });
  if (!local.isValid) return { text: eta, zone };
  return { text: `${local.toFormat('yyyy-MM-dd HH:mm')} ${local.toFormat('ZZZZ')}`, zone };
}

export function portName(code: string | undefined): string {
  if (code === undefined || code === '') return '—';
  const port = findPort(code);
  return port === undefined ? code : `${port.name}, ${port.state} (${code})`;
}
