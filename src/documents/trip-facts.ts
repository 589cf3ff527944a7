import { DateTime } from 'luxon';
import { findPort, findShipmentType } from '../codes/index.js';
import type { Commodity, LicensePlate, Party, Person, TripDocument } from '../domain/index.js';

/** Trip data put into words the way every document prints them. */

export function personName(person: Person): string {
  return [person.firstName, person.middleName, person.lastName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}

export function driverNames(trip: TripDocument): string {
  return (trip.drivers ?? [])
    .map(personName)
    .filter((name) => name !== '')
    .join(', ');
}

export function plateText(plate: LicensePlate | undefined): string {
  if (plate === undefined) return '';
  const where = [plate.stateProvince, plate.country].filter((part) => (part ?? '') !== '');
  return `${plate.number ?? ''}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
}

/** The plate the QR code carries first: the one transmitted to CBP. */
export function truckPlate(trip: TripDocument): string {
  return plateText(trip.truck?.licensePlates?.[0]);
}

export function portText(code: string | undefined): string {
  if (code === undefined || code.trim() === '') return '';
  const port = findPort(code.trim());
  return port === undefined ? code : `${port.code} ${port.name}, ${port.state}`;
}

/**
 * The ETA as filed — port-local wall-clock time — with the zone's abbreviation and IANA name,
 * so nobody reads it as the dispatcher's own time (time-zone and DST mix-ups are a known
 * source of wrong ETAs).
 */
export function etaText(trip: TripDocument): string {
  const eta = trip.estimatedArrivalDateTime?.trim() ?? '';
  const port = findPort(trip.usPortOfArrival?.trim() ?? '');
  if (eta === '') return '';
  if (port === undefined) return `${eta} (port-local time)`;
  const local = DateTime.fromSQL(eta, { zone: port.timeZone, locale: 'en-US' });
  if (!local.isValid) return `${eta} (port-local time)`;
  return `${local.toFormat('yyyy-LL-dd HH:mm')} ${local.toFormat('ZZZZ')} (${port.timeZone})`;
}

export function partyLine(party: Party | undefined): string {
  if (party === undefined) return '';
  const address = party.address;
  const place = [address?.city, address?.stateProvince, address?.country]
    .filter((part) => (part ?? '') !== '')
    .join(' ');
  return [party.name ?? '', place].filter((part) => part !== '').join(', ');
}

export function partyBlock(party: Party | undefined): string[] {
  if (party === undefined) return ['—'];
  const address = party.address;
  const cityLine = [address?.city, address?.stateProvince, address?.postalCode]
    .filter((part) => (part ?? '') !== '')
    .join(' ');
  return [
    party.name ?? '',
    address?.addressLine ?? '',
    cityLine,
    address?.country ?? '',
    party.phone ?? '',
  ].filter((line) => line.trim() !== '');
}

export function typeName(code: string | undefined): string {
  if (code === undefined) return '';
  return findShipmentType(code)?.name ?? code;
}

/** The web app decides the same way whether a shipment has papers: the rule lives in domain. */
export { isInformal } from '../domain/index.js';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function count(value: number): string {
  return NUMBER.format(value);
}

export function dollars(value: number | undefined): string {
  return value === undefined ? '' : DOLLARS.format(value);
}

function unitOf(weightUnit: string | undefined): string {
  const unit = (weightUnit ?? '').toUpperCase();
  if (unit === 'L' || unit === 'LB') return 'lb';
  if (unit === 'K' || unit === 'KG') return 'kg';
  return unit.toLowerCase();
}

export function pieces(commodities: readonly Commodity[]): string {
  const total = commodities.reduce((sum, commodity) => sum + (commodity.quantity ?? 0), 0);
  return total === 0 ? '' : count(total);
}

/** Total weight by unit: "12,000 lb", or "500 lb + 20 kg" when units differ. */
export function weight(commodities: readonly Commodity[]): string {
  const totals = new Map<string, number>();
  for (const commodity of commodities) {
    if (commodity.weight === undefined) continue;
    const unit = unitOf(commodity.weightUnit);
    totals.set(unit, (totals.get(unit) ?? 0) + commodity.weight);
  }
  return [...totals].map(([unit, total]) => `${count(total)} ${unit}`.trim()).join(' + ');
}

export function commodityWeight(commodity: Commodity): string {
  return commodity.weight === undefined
    ? ''
    : `${count(commodity.weight)} ${unitOf(commodity.weightUnit)}`.trim();
}
