import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The driver's-page token: `<link id>.<expiry, Unix seconds>.<HMAC-SHA256, base64url>`. It is
 * never stored: the signature proves the service made it (nobody can forge or stretch one
 * without the key, DRIVER_LINK_SECRET), the expiry is inside what is signed, and the link's
 * row says whether a dispatcher revoked it. The same link always signs to the same token, so
 * the dispatcher can be shown it again.
 */
const PURPOSE = 'ace-emanifest driver link v1';
const TOKEN = /^([A-Za-z0-9-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, linkId: string, expires: number): string {
  return createHmac('sha256', secret)
    .update(`${PURPOSE}\n${linkId}\n${expires}`)
    .digest('base64url');
}

export function signLinkToken(secret: string, linkId: string, expiresAt: string): string {
  const expires = Math.floor(Date.parse(expiresAt) / 1000);
  return `${linkId}.${expires}.${signature(secret, linkId, expires)}`;
}

/** The link id and expiry a genuine token carries; undefined for anything forged or mangled. */
export function readLinkToken(
  secret: string,
  token: string,
): { readonly linkId: string; readonly expiresAt: Date } | undefined {
  const match = TOKEN.exec(token);
  if (match === null) return undefined;
  const [, linkId = '', expiresText = '', given = ''] = match;
  const expires = Number(expiresText);
  const expected = Buffer.from(signature(secret, linkId, expires));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  return { linkId, expiresAt: new Date(expires * 1000) };
}
