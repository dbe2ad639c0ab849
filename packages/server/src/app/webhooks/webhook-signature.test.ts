import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec_test';
const body = '{"id":"42","type":"case.approved"}';

describe('webhook signatures', () => {
  it('is HMAC-SHA256 of "<t>.<raw body>" in hex, as docs/webhooks.md tells receivers', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies what it signed, within five minutes', () => {
    const header = signWebhook(secret, 1_700_000_000, body);
    expect(verifyWebhookSignature(secret, header, body, 1_700_000_000 + 299)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, 1_700_000_000 + 301)).toBe(false);
  });

  it('refuses another secret, a changed body, a changed timestamp and garbage', () => {
    const header = signWebhook(secret, 1_700_000_000, body);
    expect(verifyWebhookSignature('whsec_other', header, body, 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body.replace('42', '43'), 1_700_000_000)).toBe(false);
    expect(
      verifyWebhookSignature(secret, header.replace('t=1700000000', 't=1700000001'), body, 1_700_000_001),
    ).toBe(false);
    expect(verifyWebhookSignature(secret, 'v1=abc', body, 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature(secret, '', body, 1_700_000_000)).toBe(false);
  });

  it('round-trips any body and secret', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.integer({ min: 0, max: 2 ** 32 }),
        (key, text, t) => verifyWebhookSignature(key, signWebhook(key, t, text), text, t),
      ),
    );
  });
});
