/** How the profiles pages name each kind, and the path of its tab. */
import type { ProfileKind } from '../api/profiles';

export const PROFILE_KINDS: readonly ProfileKind[] = ['truck', 'trailer', 'driver', 'passenger'];

export const PROFILE_WORDS: Record<ProfileKind, { one: string; many: string; path: string }> = {
  truck: { one: 'truck', many: 'Trucks', path: 'trucks' },
  trailer: { one: 'trailer', many: 'Trailers', path: 'trailers' },
  driver: { one: 'driver', many: 'Drivers', path: 'drivers' },
  passenger: { one: 'passenger', many: 'Passengers', path: 'passengers' },
};

export function kindOfPath(path: string | undefined): ProfileKind | undefined {
  return PROFILE_KINDS.find((kind) => PROFILE_WORDS[kind].path === path);
}
