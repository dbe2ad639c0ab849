import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64(HMAC-SHA256(secret, body)): what Shopify sends in X-Shopify-Hmac-Sha256. */
export function signShopifyBody(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/**
 * Whether `header` is Shopify's signature of exactly these bytes. The comparison takes the
 * same time whatever the header holds, so a forger learns nothing from response times.
 */
export function verifyShopifySignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(header, 'base64');
  // A wrong length is answered before the comparison; the length of a SHA-256 is no secret.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
