import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The X-Afterdesk-Signature header of a delivery: `t=<unix seconds>,v1=<hex>` where hex is
 * HMAC-SHA256(secret, `${t}.${rawBody}`). The timestamp is inside the signed text, so a
 * captured request cannot be replayed later with a fresh timestamp.
 */
export function signWebhook(secret: string, timestampSeconds: number, rawBody: string): string {
  const digest = createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex');
  return `t=${timestampSeconds},v1=${digest}`;
}

/**
 * The receiver's check, as docs/webhooks.md describes it: a v1 signature over the raw body
 * matches, and the timestamp is within `toleranceSeconds` of the receiver's clock.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signWebhook(secret, t, rawBody).split('v1=')[1] as string;
  // Constant-time compare, so the signature cannot be guessed byte by byte from timings.
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
