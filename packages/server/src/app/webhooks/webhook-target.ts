import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Why a webhook URL may not be called; its message goes into the delivery log. */
export class WebhookTargetError extends Error {
  override name = 'WebhookTargetError';
}

/**
 * Loopback, private, link-local, carrier-grade NAT, multicast and unspecified addresses:
 * a merchant's URL must never make Afterdesk call into its own network (SSRF).
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b < 128) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b < 32) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (isIP(ip) !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return isPrivateAddress(mapped[1] as string);
  return (
    ip === '::' ||
    ip === '::1' ||
    /^f[cd][0-9a-f]{0,2}:/.test(ip) ||
    /^fe[89ab][0-9a-f]?:/.test(ip) ||
    ip.startsWith('ff')
  );
}

/** The URL as a URL, or a WebhookTargetError: http(s) only, no credentials in it. */
export function parseWebhookUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookTargetError('The URL cannot be read.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new WebhookTargetError('Only http and https URLs can receive webhooks.');
  if (parsed.username || parsed.password)
    throw new WebhookTargetError('The URL must not carry a user name or password.');
  return parsed;
}

/**
 * Checks, right before a call, that every address the host resolves to is public, unless
 * `allowPrivate` (tests, closed networks). The host is resolved again by fetch, so a DNS
 * answer that changes in between (rebinding) is not caught: see docs/webhooks.md.
 */
export async function assertDeliverable(url: string, allowPrivate: boolean): Promise<void> {
  const parsed = parseWebhookUrl(url);
  if (allowPrivate) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw new WebhookTargetError('Webhooks may not be sent to a loopback address.');
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true }).then(
        (found) => found.map((a) => a.address),
        () => {
          throw new WebhookTargetError(`The host ${host} could not be resolved.`);
        },
      );
  if (addresses.some(isPrivateAddress))
    throw new WebhookTargetError('Webhooks may not be sent to a private or loopback address.');
}

/** Why a request to a merchant's URL got no answer, in words for the delivery log. */
export function describeRequestFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof WebhookTargetError) return error.message;
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `No answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ? `Connection failed (${cause})` : `Request failed (${(error as Error).name ?? typeof error})`;
}
