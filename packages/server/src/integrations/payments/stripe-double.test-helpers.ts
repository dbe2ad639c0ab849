import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/stripe/${name}.json`, import.meta.url), 'utf8'));

export const STRIPE_TEST_KEY = 'sk_test_afterdesk_double';

/** What the double can be told to do with the next refund requests. */
export type StripeFault = 'api_error' | 'rate_limit' | 'drop';

interface Charge {
  amount: number;
  currency: string;
  refunded: number;
}

interface SavedAnswer {
  params: string;
  status: number;
  body: unknown;
}

/**
 * A Stripe test double on loopback speaking the Refunds API as Stripe documents it
 * (fixtures/stripe/): form-encoded requests, Bearer auth, the Refund object, the error
 * object, and idempotency — the first answer to a key is saved and replayed, a key reused
 * with other parameters is refused. It keeps its own ledger of charges, so a test can ask
 * how much money really moved.
 */
export async function startStripeDouble(charges: Record<string, { amount: number; currency: string }> = {}) {
  const ledger = new Map<string, Charge>(
    Object.entries(charges).map(([id, c]) => [id, { ...c, refunded: 0 }]),
  );
  const refunds: Record<string, unknown>[] = [];
  const saved = new Map<string, SavedAnswer>();
  const faults: StripeFault[] = [];
  const refundStatuses: string[] = [];
  let hold: { arrived: () => void; until: Promise<void> } | null = null;
  let createRequests = 0;
  let contacts = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    contacts += 1;
    const body = await readBody(req);
    if (req.headers.authorization !== `Bearer ${STRIPE_TEST_KEY}`) {
      return send(res, 401, {
        error: { type: 'authentication_error', message: 'Invalid API Key provided.' },
      });
    }
    const url = new URL(req.url ?? '/', 'http://stripe.test');
    if (req.method === 'POST' && url.pathname === '/v1/refunds') return createRefund(req, res, body);
    if (req.method === 'GET' && url.pathname === '/v1/refunds') {
      const target = url.searchParams.get('payment_intent') ?? url.searchParams.get('charge');
      const data = refunds.filter((r) => r.payment_intent === target || r.charge === target);
      return send(res, 200, { object: 'list', url: '/v1/refunds', has_more: false, data });
    }
    const one = /^\/v1\/refunds\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && one) {
      const refund = refunds.find((r) => r.id === one[1]);
      return refund
        ? send(res, 200, refund)
        : send(res, 404, {
            error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such refund' },
          });
    }
    return send(res, 404, {
      error: {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${req.method}: ${url.pathname})`,
      },
    });
  }

  async function createRefund(req: IncomingMessage, res: ServerResponse, body: string) {
    createRequests += 1;
    const key = String(req.headers['idempotency-key'] ?? '');
    const params = new URLSearchParams(body);
    const normalised = [...params.entries()]
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const earlier = key ? saved.get(key) : undefined;
    if (earlier) {
      if (earlier.params !== normalised) return send(res, 400, fixture('error-idempotency'));
      res.setHeader('idempotent-replayed', 'true');
      return send(res, earlier.status, earlier.body);
    }
    const fault = faults.shift();
    if (fault === 'rate_limit') return send(res, 429, fixture('error-rate-limit'));
    if (fault === 'drop') return req.socket.destroy();
    const answer = fault === 'api_error' ? { status: 500, body: fixture('error-api') } : refundFor(params);
    if (key) saved.set(key, { params: normalised, ...answer });
    if (hold) {
      const held = hold;
      hold = null;
      held.arrived();
      await held.until;
    }
    return send(res, answer.status, answer.body);
  }

  function refundFor(params: URLSearchParams): { status: number; body: unknown } {
    const target = params.get('payment_intent') ?? params.get('charge') ?? '';
    const charge = ledger.get(target);
    if (!charge) {
      return {
        status: 400,
        body: {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such payment_intent: '${target}'`,
          },
        },
      };
    }
    const amount = Number(params.get('amount') ?? charge.amount - charge.refunded);
    if (charge.refunded >= charge.amount)
      return { status: 400, body: fixture('error-charge-already-refunded') };
    if (amount > charge.amount - charge.refunded) {
      return {
        status: 400,
        body: {
          error: {
            type: 'invalid_request_error',
            param: 'amount',
            message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${charge.amount - charge.refunded})`,
          },
        },
      };
    }
    charge.refunded += amount;
    const metadata: Record<string, string> = {};
    for (const [k, v] of params.entries()) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m?.[1]) metadata[m[1]] = v;
    }
    const refund = {
      ...fixture('refund'),
      id: `re_${refunds.length + 1}${Math.random().toString(36).slice(2, 10)}`,
      amount,
      currency: charge.currency,
      charge: target.startsWith('ch_') ? target : `ch_for_${target}`,
      payment_intent: target.startsWith('pi_') ? target : null,
      created: Math.floor(Date.now() / 1000),
      metadata,
      status: refundStatuses.shift() ?? 'succeeded',
    };
    refunds.push(refund);
    return { status: 200, body: refund };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Every refund Stripe made, in order. */
    refunds,
    /** Stripe took this payment (a payment intent or a charge). */
    chargeKnown: (reference: string, amount: number, currency: string) =>
      ledger.set(reference, { amount, currency, refunded: 0 }),
    /** Money refunded per charge, by the double's own ledger. */
    refundedOn: (reference: string) => ledger.get(reference)?.refunded ?? 0,
    createRequests: () => createRequests,
    /** Every request the double answered or held, of any kind. */
    contacts: () => contacts,
    /** The next create requests fail like this, one fault per request. */
    failNext: (...next: StripeFault[]) => faults.push(...next),
    /** The next refunds Stripe makes start in these statuses ('pending' …). */
    startRefundsAs: (...statuses: string[]) => refundStatuses.push(...statuses),
    /** Stripe finishes a pending refund. */
    settle: (refundId: string, status = 'succeeded') => {
      const refund = refunds.find((r) => r.id === refundId);
      if (refund) refund.status = status;
    },
    /**
     * The next create is carried out and then held unanswered: `arrived` resolves once the
     * money has moved, and the answer goes out when `release` is called (or never).
     */
    holdNextAnswer() {
      let arrived!: () => void;
      let release!: () => void;
      const arrivedPromise = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      hold = { arrived, until: new Promise<void>((resolve) => (release = resolve)) };
      return { arrived: arrivedPromise, release: () => release() };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type StripeDouble = Awaited<ReturnType<typeof startStripeDouble>>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('request-id', `req_${Math.random().toString(36).slice(2, 12)}`);
  res.end(JSON.stringify(body));
}
