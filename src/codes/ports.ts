import type { ForeignSideRow, PortRow } from './code-list-rows.js';
import { US_LAND_PORTS } from './data/us-land-ports.js';
import { US_LAND_PORTS_FOREIGN_SIDE } from './data/us-land-ports-foreign-side.js';

/** U.S. land-border ports of arrival by Schedule D code, each with its IANA time zone. */
const byCode = new Map(US_LAND_PORTS.map((port) => [port.code, port]));
const foreignSide = new Map(US_LAND_PORTS_FOREIGN_SIDE.map((row) => [row.code, row]));

export function findPort(code: string): PortRow | undefined {
  return byCode.get(code);
}

export function allPorts(): readonly PortRow[] {
  return US_LAND_PORTS;
}

/** The Canadian or Mexican town(s) across the border from a port, when known. */
export function foreignSideOf(code: string): ForeignSideRow | undefined {
  return foreignSide.get(code);
}

/** Lower case without accents: "Saint-Léonard" is found by typing "saint-leonard". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * Everything a dispatcher may type to find a port: its code, name and state, and the towns
 * across the border (a Windsor driver says "Windsor", not "Detroit").
 */
export function portSearchText(code: string): string {
  const port = byCode.get(code);
  const across = foreignSide.get(code);
  return fold(
    [
      code,
      port?.name,
      port?.state,
      across?.places.replaceAll(';', ' '),
      across === undefined ? undefined : `${across.subdivision} ${across.country}`,
    ]
      .filter((part) => part !== undefined)
      .join(' '),
  );
}

/** Ports whose search text holds every word typed, in Schedule D order. */
export function searchPorts(query: string): readonly PortRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return US_LAND_PORTS;
  return US_LAND_PORTS.filter((port) => {
    const text = portSearchText(port.code);
    return words.every((word) => text.includes(word));
  });
}
