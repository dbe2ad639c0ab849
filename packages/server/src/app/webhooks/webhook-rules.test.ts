import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesEventType, nextAttemptAfterFailure, RETRY_WINDOW_MS, retryDelayMs } from './webhook-rules.js';
import { isPrivateAddress, parseWebhookUrl } from './webhook-target.js';

describe('matchesEventType', () => {
  it('takes an exact type, a prefix with .* and everything with *', () => {
    expect(matchesEventType(['case.approved'], 'case.approved')).toBe(true);
    expect(matchesEventType(['case.approved'], 'case.rejected')).toBe(false);
    expect(matchesEventType(['case.*'], 'case.rejected')).toBe(true);
    expect(matchesEventType(['refund.*', 'case.opened'], 'refund.succeeded')).toBe(true);
    expect(matchesEventType(['*'], 'macro.created')).toBe(true);
  });

  it('does not let a prefix take a type that only starts with the same letters', () => {
    expect(matchesEventType(['case.*'], 'cases.merged')).toBe(false);
    expect(matchesEventType(['case.*'], 'case')).toBe(false);
  });
});

describe('retry back-off', () => {
  it('waits 30 s, 1 min, 2, 4 … and never more than an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 30].map((n) => retryDelayMs(n) / 1000)).toEqual([
      30, 60, 120, 240, 1920, 3600, 3600,
    ]);
  });

  it('never waits less after more failures', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), (n) => retryDelayMs(n + 1) >= retryDelayMs(n)));
  });

  it('gives up only when the next try would fall after the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: RETRY_WINDOW_MS }),
        (n, elapsed) => {
          const start = Date.UTC(2030, 0, 1);
          const until = new Date(start + RETRY_WINDOW_MS);
          const next = nextAttemptAfterFailure(n, new Date(start + elapsed), until);
          const due = start + elapsed + retryDelayMs(n);
          return next === null ? due > until.getTime() : next.getTime() === due && due <= until.getTime();
        },
      ),
    );
  });

  it('tries about 30 times in the day when every try fails at once', () => {
    const start = Date.UTC(2030, 0, 1);
    const until = new Date(start + RETRY_WINDOW_MS);
    let at: Date | null = new Date(start);
    let attempts = 0;
    while (at) at = nextAttemptAfterFailure(++attempts, at, until);
    expect(attempts).toBe(30);
  });
});

describe('isPrivateAddress', () => {
  it('refuses loopback, private, link-local, CGNAT, multicast and mapped forms', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '[::1]',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
  });

  it('lets public addresses through', () => {
    for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:1.1.1.1'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
});

describe('parseWebhookUrl', () => {
  it('takes http and https only, without credentials', () => {
    expect(parseWebhookUrl('https://hooks.example.com/afterdesk').hostname).toBe('hooks.example.com');
    expect(() => parseWebhookUrl('ftp://example.com/')).toThrow(/http/);
    expect(() => parseWebhookUrl('https://user:pw@example.com/')).toThrow(/password/);
    expect(() => parseWebhookUrl('not a url')).toThrow(/cannot be read/);
  });
});
