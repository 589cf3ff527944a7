import type { ManifestDocument, Person } from '../../domain/index.js';
import { pointer } from '../../domain/index.js';
import { isBlank } from '../support/shipments.js';

export type CrewRole = 'driver' | 'passenger';

export interface LocatedPerson {
  readonly person: Person;
  readonly role: CrewRole;
  readonly index: number;
  /** JSON Pointer of the person, `/drivers/0` or `/passengers/1`. */
  readonly path: string;
}

/** Drivers, then passengers, each with its place in the document; none outside a trip. */
export function crewOf(document: ManifestDocument): LocatedPerson[] {
  if (document.data !== 'ACE_TRIP') return [];
  const located = (role: CrewRole, list: readonly Person[] | undefined): LocatedPerson[] =>
    (list ?? []).map((person, index) => ({
      person,
      role,
      index,
      path: pointer(role === 'driver' ? 'drivers' : 'passengers', index),
    }));
  return [...located('driver', document.drivers), ...located('passenger', document.passengers)];
}

/** A FAST card on file stands in for the biographic data and documents (19 CFR 123.92). */
export function hasFastCard(person: Person): boolean {
  return !isBlank(person.fastCardNumber);
}

export function hasAceId(person: Person): boolean {
  return !isBlank(person.aceId);
}

/** How a message names a person: by name when there is one, else by place in the list. */
export function describePerson({ person, role, index }: LocatedPerson): string {
  const name = [person.firstName, person.lastName]
    .filter((part): part is string => !isBlank(part))
    .map((part) => part.trim())
    .join(' ');
  return name === '' ? `${capitalize(role)} ${index + 1}` : `${capitalize(role)} ${name}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
