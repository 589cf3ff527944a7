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
  const profiles = (await repos.profiles.list(companyId, { kind: 'driver' })).flatMap((p) =>
    p.kind === 'driver' ? [{ id: p.id, data: p.data }] : [],
  );
  if (profiles.length === 0) return [];
  return drivers.flatMap((driver, index) => {
    const profile = matchDriverProfile(driver, profiles);
    const email = profile?.data.email?.trim().toLowerCase();
    if (profile === undefined || email === undefined || !isEmail(email)) return [];
    const name = [driver.firstName, driver.lastName].filter((n) => n?.trim()).join(' ');
    return [{ index, name, email, profileId: profile.id }];
  });
}
