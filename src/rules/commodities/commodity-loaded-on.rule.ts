import { LOADED_ON_TYPES } from '../../codes/index.js';
import type { Issue, LoadedOn, ManifestDocument, TripDocument } from '../../domain/index.js';
import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities, isBlank } from '../support/shipments.js';
import { ACE_TRUCK_MANIFEST_IG, OWN_CHECK, cite } from '../sources.js';

/** ACE lists the equipment each shipment is on; how we read `loadedOn` is our own rule. */
const SOURCE = cite(ACE_TRUCK_MANIFEST_IG, OWN_CHECK.commodityLoadedOn);

const TYPE_REQUIRED: IssueDefinition = {
  code: 'COMMODITY_LOADED_ON_TYPE_REQUIRED',
  severity: 'error',
  title: 'A commodity says where it is loaded but not on what',
  fix: 'Set loadedOn.type to TRUCK or TRAILER.',
  source: SOURCE,
};

const TYPE_UNKNOWN: IssueDefinition = {
  code: 'COMMODITY_LOADED_ON_TYPE_UNKNOWN',
  severity: 'error',
  title: 'A commodity is loaded on something other than the truck or a trailer',
  fix: 'Set loadedOn.type to TRUCK or TRAILER.',
  source: SOURCE,
};

const TRAILER_AMBIGUOUS: IssueDefinition = {
  code: 'COMMODITY_LOADED_ON_TRAILER_AMBIGUOUS',
  severity: 'error',
  title: 'The trip has several trailers and the commodity does not say which carries it',
  fix: 'Set loadedOn to the trailer (type TRAILER and its number) or the truck that carries the goods.',
  source: SOURCE,
};

const TRAILER_UNKNOWN: IssueDefinition = {
  code: 'COMMODITY_LOADED_ON_TRAILER_UNKNOWN',
  severity: 'error',
  title: "A commodity is loaded on a trailer that is not one of the trip's",
  fix: "Use the number of one of the trip's trailers, or add the trailer to the trip.",
  source: SOURCE,
};

const TRUCK_MISMATCH: IssueDefinition = {
  code: 'COMMODITY_LOADED_ON_TRUCK_MISMATCH',
  severity: 'error',
  title: "A commodity is loaded on a truck number that is not the trip's truck",
  fix: "Use the trip's truck number, or leave the number out: a trip has one truck.",
  source: SOURCE,
};

type LoadedOnType = (typeof LOADED_ON_TYPES)[number];

function isLoadedOnType(type: string): type is LoadedOnType {
  return (LOADED_ON_TYPES as readonly string[]).includes(type);
}

/** The trip's equipment, read once so each commodity is checked in constant time. */
interface Equipment {
  readonly trailerNumbers: ReadonlySet<string>;
  readonly trailerCount: number;
  readonly truckNumber: string | undefined;
}

function equipmentOf(trip: TripDocument): Equipment {
  const trailers = trip.trailers ?? [];
  return {
    trailerNumbers: new Set(trailers.flatMap((t) => (isBlank(t.number) ? [] : [t.number.trim()]))),
    trailerCount: trailers.length,
    truckNumber: isBlank(trip.truck?.number) ? undefined : trip.truck.number.trim(),
  };
}

function listed(numbers: ReadonlySet<string>): string {
  return [...numbers].map((n) => `"${n}"`).join(', ');
}

/**
 * A commodity is loaded on the truck or on one of the trip's trailers. Without `loadedOn` it
 * goes on the only trailer, or on the truck when there is none (the commercial UI's default,
 * docs/regulations.md#which-truck-or-trailer-carries-each-commodity); with several trailers the dispatcher has to say which. Unassociated
 * shipments (ACE_SHIPMENT) have no equipment yet, so only the type is checked for them.
 */
export const commodityLoadedOnRule: Rule = {
  id: 'commodity-loaded-on',
  issues: [TYPE_REQUIRED, TYPE_UNKNOWN, TRAILER_AMBIGUOUS, TRAILER_UNKNOWN, TRUCK_MISMATCH],
  check(document: ManifestDocument) {
    const equipment = document.data === 'ACE_TRIP' ? equipmentOf(document) : undefined;
    // The pointers are spelled only for an issue: a trip has hundreds of thousands of
    // commodities and almost never one.
    return allCommodities(document).flatMap(({ commodity, path }) =>
      checkLoadedOn(commodity.loadedOn, path, equipment),
    );
  },
};

/** `commodityPath`: the commodity's pointer; the issues are under its `loadedOn`. */
function checkLoadedOn(
  loadedOn: LoadedOn | undefined,
  commodityPath: string,
  equipment: Equipment | undefined,
): Issue[] {
  const path = (...tokens: string[]): string => childPointer(commodityPath, 'loadedOn', ...tokens);
  if (loadedOn === undefined) {
    return equipment !== undefined && equipment.trailerCount > 1
      ? [
          raise(
            TRAILER_AMBIGUOUS,
            path(),
            `The trip has ${equipment.trailerCount} trailers (${listed(equipment.trailerNumbers)}); say which one carries this commodity.`,
          ),
        ]
      : [];
  }
  const { type, number } = loadedOn;
  if (isBlank(type))
    return [
      raise(
        TYPE_REQUIRED,
        path('type'),
        'The commodity says where it is loaded but not whether on the TRUCK or a TRAILER.',
      ),
    ];
  if (!isLoadedOnType(type)) {
    return [raise(TYPE_UNKNOWN, path('type'), `"${type}" is neither TRUCK nor TRAILER.`)];
  }
  if (equipment === undefined) return [];
  switch (type) {
    case 'TRAILER':
      if (isBlank(number)) {
        if (equipment.trailerCount === 0) {
          return [
            raise(
              TRAILER_UNKNOWN,
              path('number'),
              'The commodity is loaded on a trailer, but the trip lists no trailer.',
            ),
          ];
        }
        return equipment.trailerCount > 1
          ? [
              raise(
                TRAILER_AMBIGUOUS,
                path('number'),
                `The trip has ${equipment.trailerCount} trailers (${listed(equipment.trailerNumbers)}); say which one carries this commodity.`,
              ),
            ]
          : [];
      }
      return equipment.trailerNumbers.has(number.trim())
        ? []
        : [
            raise(
              TRAILER_UNKNOWN,
              path('number'),
              equipment.trailerCount === 0
                ? `The commodity is loaded on trailer "${number}", but the trip lists no trailer.`
                : `Trailer "${number}" is not one of the trip's trailers (${listed(equipment.trailerNumbers)}).`,
            ),
          ];
    case 'TRUCK':
      return isBlank(number) ||
        equipment.truckNumber === undefined ||
        number.trim() === equipment.truckNumber
        ? []
        : [
            raise(
              TRUCK_MISMATCH,
              path('number'),
              `Truck "${number}" is not the trip's truck "${equipment.truckNumber}".`,
            ),
          ];
  }
}
