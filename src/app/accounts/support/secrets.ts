import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets (session cookies, API tokens). Only their SHA-256 is stored: the secrets are
 * 256 random bits, so a fast hash is enough (no dictionary to guess from), and a database leak
 * does not hand out live credentials.
 */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** API tokens start with this, so secret scanners and humans can recognise them. */
export const API_TOKEN_PREFIX = 'emt_';
