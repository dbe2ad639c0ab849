import type { PolicyInput, RequestedItem } from './decision.js';
import { defaultPolicy } from './default-policy.js';
import type { Condition } from './policy.schema.js';

export const NO_REASON_CONDITIONS: Condition[] = [
  'unused',
  'original_packaging',
  'accessories_complete',
  'resalable',
];

/** Delivered Monday 3 March 2025, 11:00 in Berlin. */
export const DELIVERED_AT = '2025-03-03T10:00:00Z';

/** An instant on the Nth local (Berlin) day after delivery, at the given local hour. */
export function berlinDay(day: number, hour = 10): string {
  const date = new Date(Date.UTC(2025, 2, 3 + day, hour - 1)); // CET is UTC+1 until 30 March
  return date.toISOString();
}

/**
 * A Berlin store's order of three lines: shirts with a line discount that does not divide
 * evenly (net 8696 over 3 units), shoes, and cheap socks.
 */
export function orderFixture(): PolicyInput['order'] {
  return {
    id: 'ord_1001',
    currency: 'EUR',
    status: 'delivered',
    placedAt: '2025-02-27T15:00:00Z',
    deliveredAt: DELIVERED_AT,
    shippingMinor: 495,
    totalMinor: 8696 + 8999 + 500 + 495,
    lines: [
      {
        id: 'L1',
        sku: 'SHIRT-M',
        category: 'fashion_tops',
        quantity: 3,
        unitPriceMinor: 2999,
        discountMinor: 301,
      },
      {
        id: 'L2',
        sku: 'SHOES-42',
        category: 'fashion_shoes',
        quantity: 1,
        unitPriceMinor: 8999,
        discountMinor: 0,
      },
      { id: 'L3', sku: 'SOCKS', category: null, quantity: 2, unitPriceMinor: 250, discountMinor: 0 },
    ],
  };
}

export function noReasonItem(overrides: Partial<RequestedItem> = {}): RequestedItem {
  return {
    lineId: 'L1',
    quantity: 1,
    reasonCode: 'no_reason',
    conditions: NO_REASON_CONDITIONS,
    evidenceCount: 0,
    ...overrides,
  };
}

export function defectItem(overrides: Partial<RequestedItem> = {}): RequestedItem {
  return {
    lineId: 'L2',
    quantity: 1,
    reasonCode: 'quality_defect',
    conditions: [],
    evidenceCount: 2,
    ...overrides,
  };
}

/** A no-reason return of one shirt on day 3 that the default policy approves automatically. */
export function inputFixture(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    policy: defaultPolicy(),
    policyVersion: 3,
    kind: 'return',
    now: berlinDay(3),
    language: 'en',
    store: { timeZone: 'Europe/Berlin', currency: 'EUR' },
    order: orderFixture(),
    customer: { blocked: false },
    items: [noReasonItem()],
    alreadyClaimed: {},
    ...overrides,
  };
}
