import type { PortRow } from './code-list-rows.js';
import { US_LAND_PORTS } from './data/us-land-ports.js';

/** U.S. land-border ports of arrival by Schedule D code, each with its IANA time zone. */
const byCode = new Map(US_LAND_PORTS.map((port) => [port.code, port]));

export function findPort(code: string): PortRow | undefined {
  return byCode.get(code);
}

export function allPorts(): readonly PortRow[] {
  return US_LAND_PORTS;
}
