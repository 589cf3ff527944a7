/**
 * The signature on each webhook request, in the scheme Stripe made familiar: the header
 * `Emanifest-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed with the
 * endpoint's secret. Signing the timestamp with the body lets a receiver refuse a request
 * replayed later (docs/alerts.md); `v1` names the scheme so a second one can be added beside it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'emanifest-signature';

/** How old a signature a receiver should still accept: 5 minutes, as Stripe's default. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The header value for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export type SignatureCheck = 'valid' | 'malformed' | 'mismatch' | 'expired';

/**
 * What a receiver does with the header: the signature must match the body it got, and the
 * timestamp be within `toleranceSeconds` of its clock, else the request is a forgery or a replay.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const at = item.indexOf('=');
    if (at <= 0) return 'malformed';
    const key = item.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), item.slice(at + 1).trim()]);
  }
  const t = parts.get('t')?.[0];
  const signatures = parts.get('v1') ?? [];
  if (t === undefined || !/^\d{1,12}$/.test(t) || signatures.length === 0) return 'malformed';
  const timestamp = Number(t);
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  const matches = signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return 'mismatch';
  return Math.abs(nowSeconds - timestamp) > toleranceSeconds ? 'expired' : 'valid';
}
