import { AppError } from '../../shared/errors.js';
import type { AppDeps } from '../../shared/deps.js';

/** The key driver's-page links are signed with; the service always has one (start.ts). */
export function linkSecret(deps: AppDeps): string {
  const secret = deps.driverLinkSecret;
  if (secret === undefined || secret.length < 32) {
    throw new AppError('INVALID_STATE', "This service has no key to sign driver's-page links.");
  }
  return secret;
}
