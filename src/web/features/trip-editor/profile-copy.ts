/**
 * What a saved profile puts into a trip: a copy of its data, in the trip's own shape (a truck
 * profile holds a trip's truck, a trailer profile a trailer, a driver or passenger profile a
 * person), as the API's `POST /trips/{id}/profiles` copies it: a driver through the domain's
 * crewMemberOf, as there.
 * A copy, so editing the trip never edits the profile, and a later profile edit never rewrites
 * a trip already filed.
 */
import { crewMemberOf, type Person, type Trailer, type Truck } from '../../../domain/index.js';
import type { ProfileRecord } from '../../lib/api-types';

export type ProfileKind = ProfileRecord['kind'];
/** A saved profile of one kind. */
export type ProfileOf<K extends ProfileKind> = Extract<ProfileRecord, { kind: K }>;

export function tripCopyOf(profile: ProfileOf<'truck'>): Truck;
export function tripCopyOf(profile: ProfileOf<'trailer'>): Trailer;
export function tripCopyOf(profile: ProfileOf<'driver' | 'passenger'>): Person;
export function tripCopyOf(profile: ProfileRecord): Truck | Trailer | Person {
  switch (profile.kind) {
    case 'truck':
    case 'trailer':
    case 'passenger':
      return structuredClone(profile.data);
    case 'driver':
      return structuredClone(crewMemberOf(profile.data));
  }
}
