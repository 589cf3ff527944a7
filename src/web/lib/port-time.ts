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

/**
 * A moment the service recorded (CBP's answer, a status change, a link's expiry), in the
 * user's own clock with the zone named as ETAs name theirs: "2026-12-01 06:15 EST". Without
 * the zone, a dispatcher reading a Laredo trip's history beside its CST arrival cannot tell
 * which clock it is in. `zone` is for tests; the browser's own by default.
 */
export function instantText(
  iso: string,
  options: {
    readonly seconds?: boolean;
    readonly timeOfDay?: boolean;
    readonly zone?: string;
  } = {},
): string {
  const at = DateTime.fromISO(iso, { zone: options.zone ?? 'local' });
  if (!at.isValid) return iso;
  const clock = options.seconds === true ? 'HH:mm:ss' : 'HH:mm';
  return at.toFormat(options.timeOfDay === true ? `${clock} ZZZZ` : `yyyy-MM-dd ${clock} ZZZZ`);
}
