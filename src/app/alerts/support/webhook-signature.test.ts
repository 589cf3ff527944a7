import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec_test-secret';
const body = '{"id":"evt_1","type":"shipment.released"}';
const t = 1_795_867_200;

describe('webhook signature', () => {
  it('is t=<seconds>,v1=<HMAC-SHA256 hex of "t.body"> that anyone with the secret recomputes', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(secret, t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies a fresh signature and refuses another body, another secret, a replay, or junk', () => {
    const header = signWebhook(secret, t, body);
    expect(verifyWebhookSignature(secret, header, body, t + 10)).toBe('valid');
    expect(verifyWebhookSignature(secret, header, body.replace('released', 'arrived'), t)).toBe(
      'mismatch',
    );
    expect(verifyWebhookSignature('whsec_other', header, body, t)).toBe('mismatch');
    expect(verifyWebhookSignature(secret, header, body, t + 301)).toBe('expired');
    expect(verifyWebhookSignature(secret, header, body, t + 301, 600)).toBe('valid');
    // A timestamp moved forward to pass the replay check breaks the signature.
    expect(
      verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 3600}`), body, t + 3600),
    ).toBe('mismatch');
    expect(verifyWebhookSignature(secret, '', body, t)).toBe('malformed');
    expect(verifyWebhookSignature(secret, `v1=${'0'.repeat(64)}`, body, t)).toBe('malformed');
    expect(verifyWebhookSignature(secret, `t=${t},v1=zz`, body, t)).toBe('mismatch');
  });

  it('accepts any of several v1 signatures (a receiver during a secret rotation)', () => {
    const good = signWebhook(secret, t, body).split(',')[1] ?? '';
    expect(verifyWebhookSignature(secret, `t=${t},v1=${'a'.repeat(64)},${good}`, body, t)).toBe(
      'valid',
    );
  });
});
