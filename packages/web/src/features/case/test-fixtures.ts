import type { CaseView } from './case-api';

/** A socket that never connects: pages open live connections, tests do not need them. */
export class FakeWebSocket {
  static readonly OPEN = 1;
  static readonly instances: FakeWebSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string | URL) {
    FakeWebSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {}
}

export const ME_AGENT = {
  tenantId: 't-1',
  kind: 'user',
  id: '00000000-0000-4000-8000-0000000000a1',
  name: 'Ada Agent',
  role: 'agent',
  permissions: [
    'orders:read',
    'cases:read',
    'cases:create',
    'cases:review',
    'cases:cancel',
    'cases:close',
    'evidence:upload',
    'policies:read',
    'messages:write',
  ],
};

export function caseView(overrides: Partial<CaseView> = {}): CaseView {
  return {
    id: '00000000-0000-4000-8000-000000000c01',
    number: 1042,
    kind: 'return',
    status: 'under_review',
    version: 3,
    orderId: '00000000-0000-4000-8000-000000000o01',
    customerId: '00000000-0000-4000-8000-000000000u01',
    language: 'de',
    channel: 'email',
    priority: 'high',
    returnCode: 'AB12-CD34',
    refundableMinor: 4990,
    currency: 'EUR',
    category: 'after_sales',
    subject: 'Schuhe zu klein',
    assigneeId: null,
    teamId: null,
    slaDueAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    intent: 'return_request',
    intentConfirmed: false,
    sentiment: -0.4,
    emotions: [],
    selfService: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    description: null,
    allowedActions: ['approve', 'reject', 'request_info', 'receive', 'refund', 'close'],
    items: [
      {
        id: '00000000-0000-4000-8000-000000000i01',
        orderLineId: '00000000-0000-4000-8000-000000000l01',
        sku: 'SHOE-42',
        quantity: 1,
        reasonCode: 'too_small',
        description: null,
        conditions: ['unworn'],
        replacement: null,
        refundableMinor: 4990,
      },
    ],
    decision: {
      outcome: 'review',
      policyVersion: 2,
      reasons: [{ code: 'recalled_sku', message: 'The SKU is recalled: an agent decides.' }],
      items: [],
      refundableTotalMinor: 4990,
      currency: 'EUR',
      fees: [],
      compensation: [],
      deadlines: { requestBy: null, shipBackBy: null },
      trace: [
        { rule: 'within_window', passed: true, message: 'Asked 3 days after delivery (limit 14).' },
        { rule: 'sku_not_recalled', passed: false, message: 'SHOE-42 is on the recall list.' },
      ],
    },
    returnShipment: null,
    refunds: [],
    evidence: [],
    timeline: [
      {
        id: 1,
        type: 'case.submitted',
        at: '2026-11-20T10:00:00.000Z',
        actorType: 'customer',
        actorId: null,
        reason: null,
        data: {},
      },
    ],
    complaintType: null,
    arbitrationGroup: null,
    mergedIntoId: null,
    links: [],
    clocks: [],
    messageCount: 0,
    ...overrides,
  } as CaseView;
}

/** What the pages ask of a browser that jsdom lacks: a live socket, scrolling, font events (autosize). */
export function stubBrowser(stub: (name: string, value: unknown) => void) {
  stub('WebSocket', FakeWebSocket);
  stub('scrollTo', () => {});
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener() {}, removeEventListener() {} },
    });
}
