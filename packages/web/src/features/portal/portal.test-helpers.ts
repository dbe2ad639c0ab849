import type { CaseView, MessageView } from '@afterdesk/contract';
import { vi } from 'vitest';
import { saveCustomerSession } from './customer-session';
import type { Decision, Order } from './portal-api';

/** A WebSocket double: records what the page sends and lets a test push frames. */
export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string | URL) {
    FakeSocket.instances.push(this);
    setTimeout(() => {
      if (this.readyState !== 0) return;
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  push(frame: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  /** The socket the page uses now (StrictMode or a re-render may have opened and closed others). */
  static current(): FakeSocket {
    const open = FakeSocket.instances.filter((s) => s.readyState === 1);
    const last = open.at(-1);
    if (!last) throw new Error('no open socket');
    return last;
  }
}

export function stubBrowser() {
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  URL.createObjectURL = vi.fn(() => `blob:fake-${Math.random()}`);
  URL.revokeObjectURL = vi.fn();
  // The router restores the scroll position, which jsdom does not implement.
  window.scrollTo = (() => {}) as typeof window.scrollTo;
  // Mantine's autosizing Textarea listens for web fonts, which jsdom does not have.
  if (!document.fonts) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener() {}, removeEventListener() {} },
    });
  }
  sessionStorage.clear();
}

export function logIn() {
  saveCustomerSession({
    token: 'cus_test',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    customerId: 'c0000000-0000-4000-8000-000000000001',
  });
}

export const ORDER: Order = {
  id: 'o0000000-0000-4000-8000-000000000001',
  number: 'EU-10001',
  status: 'delivered',
  placedAt: '2026-11-19T01:20:00.000Z',
  deliveredAt: '2026-11-21T04:03:00.000Z',
  currency: 'EUR',
  totalMinor: 12985,
  lines: [
    {
      id: 'l0000000-0000-4000-8000-000000000001',
      sku: 'SHOE-RUN-AERO-BLU-39',
      title: 'Laufschuh Aero',
      attributes: { size: '39', colour: 'Blau' },
      quantity: 1,
      unitPriceMinor: 8995,
      discountMinor: 0,
    },
    {
      id: 'l0000000-0000-4000-8000-000000000002',
      sku: 'APP-TEE-ORGANIC-WHT-M',
      title: 'T-Shirt aus Bio-Baumwolle',
      attributes: { size: 'M', colour: 'Weiß' },
      quantity: 2,
      unitPriceMinor: 1995,
      discountMinor: 0,
    },
  ],
};

export function decision(outcome: Decision['outcome'], refundableTotalMinor = 1300): Decision {
  return {
    outcome,
    policyVersion: 1,
    reasons:
      outcome === 'reject' ? [{ code: 'within_window', message: 'Requested 30 days after delivery.' }] : [],
    items: [],
    refundableTotalMinor,
    currency: 'EUR',
    fees: [{ code: 'return_shipping', amountMinor: 695, payer: 'customer', deductedFromRefund: true }],
    compensation: [],
    deadlines: { requestBy: '2026-11-28T23:59:59.999+01:00', shipBackBy: '2026-11-30T23:59:59.999+01:00' },
    returnless: false,
    trace: [{ rule: 'within_window', passed: outcome !== 'reject', message: 'Within the 7-day window.' }],
  };
}

export function caseView(change: Partial<CaseView> = {}): CaseView {
  return {
    id: 'a0000000-0000-4000-8000-000000000001',
    number: 1008,
    kind: 'return',
    status: 'awaiting_return',
    version: 3,
    orderId: ORDER.id,
    customerId: 'c0000000-0000-4000-8000-000000000001',
    language: 'en',
    channel: 'web',
    priority: 'normal',
    returnCode: '5F3Z-6FKZ',
    refundableMinor: 1300,
    currency: 'EUR',
    category: 'after_sales',
    subject: null,
    assigneeId: null,
    teamId: null,
    slaDueAt: null,
    intent: null,
    intentConfirmed: false,
    sentiment: null,
    emotions: [],
    selfService: null,
    createdAt: '2026-11-23T04:04:11.585Z',
    updatedAt: '2026-11-23T04:04:11.585Z',
    description: null,
    allowedActions: ['cancel'],
    items: [],
    decision: decision('approve'),
    returnShipment: {
      carrier: 'self_ship',
      waybillNumber: 'AD60962312602',
      shippedAt: null,
      receivedAt: null,
    },
    refunds: [],
    evidence: [],
    timeline: [],
    complaintType: null,
    arbitrationGroup: null,
    mergedIntoId: null,
    links: [],
    clocks: [],
    messageCount: 0,
    rating: null,
    ...change,
  } as CaseView;
}

export function message(seq: number, body: string, direction = 'outbound'): MessageView {
  return {
    id: `m0000000-0000-4000-8000-00000000000${seq}`,
    caseId: 'a0000000-0000-4000-8000-000000000001',
    seq,
    direction,
    channel: 'chat',
    authorType: direction === 'inbound' ? 'customer' : 'user',
    authorId: null,
    authorName: direction === 'inbound' ? null : 'Mia',
    subject: null,
    body,
    language: 'en',
    automated: null,
    deliveryState: null,
    clientMessageId: null,
    attachments: [],
    triage: null,
    createdAt: '2026-11-23T05:00:00.000Z',
  };
}
