/**
 * A trip's drivers and the driver profiles they came from. The trip document keeps no link to
 * a profile (assignProfiles copies it in, and the driver may have been typed or imported), so
 * a driver is matched to a driver profile of the same company:
 *
 * 1. by FAST card number (trimmed, upper-cased) when both have one and exactly one profile has it;
 * 2. else by first and last name (trimmed, case-insensitive) when exactly one profile has them,
 *    leaving out a profile whose FAST card differs from the driver's.
 *
 * Two profiles of one name match nobody: an e-mail is never sent to a guess (docs/alerts.md).
 */
import type { Driver, DriverProfile } from '../../domain/index.js';
import { isEmail } from './input-checks.js';
import type { Repositories } from './ports/index.js';

const fastKey = (value: string | undefined): string => value?.trim().toUpperCase() ?? '';
const nameKey = (value: string | undefined): string => value?.trim().toLowerCase() ?? '';

/** The profile `driver` matches among `profiles` (driver profiles of its company), if any. */
export function matchDriverProfile<P extends { readonly data: DriverProfile }>(
  driver: Driver,
  profiles: readonly P[],
): P | undefined {
  const fast = fastKey(driver.fastCardNumber);
  if (fast !== '') {
    const byCard = profiles.filter((p) => fastKey(p.data.fastCardNumber) === fast);
    if (byCard.length === 1) return byCard[0];
    if (byCard.length > 1) return undefined;
  }
  const first = nameKey(driver.firstName);
  const last = nameKey(driver.lastName);
  if (first === '' || last === '') return undefined;
  const byName = profiles.filter((p) => {
    const card = fastKey(p.data.fastCardNumber);
    return (
      nameKey(p.data.firstName) === first &&
      nameKey(p.data.lastName) === last &&
      (fast === '' || card === '' || card === fast)
    );
  });
  return byName.length === 1 ? byName[0] : undefined;
}

export interface DriverEmail {
  /** The driver's position in the trip's `drivers`. */
  readonly index: number;
  readonly name: string;
  /** Lower-cased. */
  readonly email: string;
  readonly profileId: string;
}

/** The e-mails of the drivers that match a driver profile with a valid e-mail, in trip order. */
export async function driverEmails(
  repos: Repositories,
  companyId: string,
  drivers: readonly Driver[] | undefined,
): Promise<DriverEmail[]> {
  if (drivers === undefined || drivers.length === 0) return [];
  const profiles = await candidateProfiles(repos, companyId, drivers);
  if (profiles.length === 0) return [];
  return drivers.flatMap((driver, index) => {
    const profile = matchDriverProfile(driver, profiles);
    const email = profile?.data.email?.trim().toLowerCase();
    if (profile === undefined || email === undefined || !isEmail(email)) return [];
    const name = [driver.firstName, driver.lastName].filter((n) => n?.trim()).join(' ');
    return [{ index, name, email, profileId: profile.id }];
  });
}

interface DriverCandidate {
  readonly id: string;
  readonly data: DriverProfile;
}

/** Profiles asked for per page while the candidates are gathered. */
const CANDIDATE_PAGE = 100;

/**
 * The driver profiles that could match the trip's drivers: those the profile search finds by
 * each driver's FAST card and by each driver's first and last name. A carrier may keep
 * thousands of drivers; a trip has one or two, so only their candidates are read, not every
 * profile. The search folds case and accents and matches words inside the profile's words, so
 * it finds every profile matchDriverProfile could pick (and more, which it then leaves out).
 */
async function candidateProfiles(
  repos: Repositories,
  companyId: string,
  drivers: readonly Driver[],
): Promise<DriverCandidate[]> {
  const queries = new Set<string>();
  for (const driver of drivers) {
    const fast = fastKey(driver.fastCardNumber);
    if (fast !== '') queries.add(fast);
    if (nameKey(driver.firstName) !== '' && nameKey(driver.lastName) !== '')
      queries.add(`${driver.firstName ?? ''} ${driver.lastName ?? ''}`);
  }
  const found = new Map<string, DriverCandidate>();
  for (const query of queries) {
    // A query without a letter or digit (a name of dashes) would find every profile anyway.
    if (!/[\p{L}\p{N}]/u.test(query)) return allDriverProfiles(repos, companyId);
    let cursor: string | undefined;
    do {
      const page = await repos.profiles.page(
        companyId,
        { kind: 'driver', query },
        { limit: CANDIDATE_PAGE, cursor },
      );
      for (const profile of page.items) {
        if (profile.kind === 'driver')
          found.set(profile.id, { id: profile.id, data: profile.data });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
  return [...found.values()];
}

async function allDriverProfiles(
  repos: Repositories,
  companyId: string,
): Promise<DriverCandidate[]> {
  return (await repos.profiles.list(companyId, { kind: 'driver' })).flatMap((p) =>
    p.kind === 'driver' ? [{ id: p.id, data: p.data }] : [],
  );
}
