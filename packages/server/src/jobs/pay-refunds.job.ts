import { maxPriority, nextRefundAttempt, type Priority } from '@afterdesk/core';
import { sql } from 'kysely';
import type { Services } from '../app/context.js';
import { reserveOnPayment } from '../app/refunds/request-refund.js';
import { appendEvents } from '../db/repositories/events.repository.js';
import type { RefundStatus } from '../db/schema.js';
import { inSystem, inTenant, type Tx } from '../db/scope.js';
import { manualAdapter } from '../integrations/payments/manual.adapter.js';
import {
  type PaymentAdapter,
  type ProviderRefundResult,
  TransientPaymentError,
} from '../integrations/payments/payment-adapter.js';
import { storeCreditAdapter } from '../integrations/payments/store-credit.adapter.js';
import { stripeAdapter } from '../integrations/payments/stripe.adapter.js';

export interface PayRefundsOptions {
  /** Most refunds claimed in one run. Default 20. */
  batch?: number;
  /** Provider calls in flight at once. Default 4. */
  concurrency?: number;
  /** How long a claimed refund is hidden from other workers. Default 2 minutes. */
  leaseMs?: number;
  /** The time the run treats as now. Default the services' clock. */
  now?: Date;
  /** Only this tenant's refunds (tests on a shared database). */
  tenantId?: string;
}

export interface PayRefundsResult {
  succeeded: number;
  processing: number;
  retried: number;
  failed: number;
  awaitingTransfer: number;
}

/** A claimed refund with what it takes to pay it. */
export interface RefundClaim {
  id: string;
  tenantId: string;
  caseId: string | null;
  orderId: string | null;
  customerId: string | null;
  paymentId: string | null;
  paymentReference: string | null;
  stripeKey: string | null;
  provider: 'stripe' | 'store_credit' | 'manual';
  providerRefundId: string | null;
  status: 'pending' | 'processing';
  amountMinor: number;
  currency: string;
  attempts: number;
  rounds: number;
  leaseUntil: Date;
}

export const REFUND_LEASE_MS = 2 * 60_000;
// A refund the provider accepted but has not finished (Stripe's `pending`) is asked about this often.
const STATUS_POLL_MS = 10 * 60_000;

/**
 * Pays the refunds that are due, across tenants: claims them with a lease in one short
 * transaction (SKIP LOCKED), calls each one's payment adapter with no transaction open,
 * and records the answer only while the lease is still its own.
 *
 * Exactly once: the adapter call is idempotent on the refund id. A worker that dies after
 * the call and before recording it leaves the refund to be claimed again when the lease
 * runs out; the second call gets the provider's first refund back, and it is recorded then.
 */
export async function payRefunds(
  services: Services,
  {
    batch = 20,
    concurrency = 4,
    leaseMs = REFUND_LEASE_MS,
    now = services.clock(),
    tenantId,
  }: PayRefundsOptions = {},
): Promise<PayRefundsResult> {
  const result: PayRefundsResult = {
    succeeded: 0,
    processing: 0,
    retried: 0,
    failed: 0,
    awaitingTransfer: 0,
  };
  const claims = await claimDueRefunds(services, { batch, leaseMs, now, tenantId });
  let next = 0;
  const worker = async () => {
    for (let claim = claims[next++]; claim; claim = claims[next++]) {
      const answer = await askProvider(services, claim);
      const outcome = await recordAnswer(services, claim, answer, now);
      if (outcome) result[outcome] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claims.length) }, worker));
  return result;
}

async function claimDueRefunds(
  services: Services,
  {
    batch,
    leaseMs,
    now,
    tenantId,
  }: { batch: number; leaseMs: number; now: Date; tenantId: string | undefined },
): Promise<RefundClaim[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const { rows } = await inSystem(services.db, (tx) =>
    sql<{
      id: string;
      tenant_id: string;
      case_id: string | null;
      order_id: string | null;
      customer_id: string | null;
      payment_id: string | null;
      payment_reference: string | null;
      stripe_key: string | null;
      provider: RefundClaim['provider'];
      provider_refund_id: string | null;
      status: RefundClaim['status'];
      amount_minor: string | number;
      currency: string;
      attempts: number;
      rounds: number;
    }>`
      with due as (
        select r.id from refunds r
        where r.status in ('pending', 'processing') and r.next_attempt_at <= ${now}
          and (${tenantId ?? null}::uuid is null or r.tenant_id = ${tenantId ?? null}::uuid)
        order by r.next_attempt_at
        limit ${batch}
        for update skip locked
      )
      update refunds r set next_attempt_at = ${leaseUntil},
        attempts = r.attempts + (case when r.status = 'pending' then 1 else 0 end)
      from due
      where r.id = due.id
      returning r.id, r.tenant_id, r.case_id, r.order_id, r.customer_id, r.payment_id, r.provider,
        r.provider_refund_id, r.status, r.amount_minor, r.currency, r.attempts, r.rounds,
        (select p.reference from payments p where p.id = r.payment_id) as payment_reference,
        (select pp.secret_key from payment_providers pp
          where pp.tenant_id = r.tenant_id and pp.provider = 'stripe') as stripe_key`.execute(tx),
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    caseId: r.case_id,
    orderId: r.order_id,
    customerId: r.customer_id,
    paymentId: r.payment_id,
    paymentReference: r.payment_reference,
    stripeKey: r.stripe_key,
    provider: r.provider,
    providerRefundId: r.provider_refund_id,
    status: r.status,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    attempts: r.attempts,
    rounds: r.rounds,
    leaseUntil,
  }));
}

type Answer = ProviderRefundResult | { status: 'transient'; reason: string };

async function askProvider(services: Services, claim: RefundClaim): Promise<Answer> {
  try {
    const adapter = adapterFor(services, claim);
    if (claim.status === 'processing') {
      return await adapter.status({
        tenantId: claim.tenantId,
        refundId: claim.id,
        providerRefundId: claim.providerRefundId,
      });
    }
    return await adapter.refund({
      tenantId: claim.tenantId,
      refundId: claim.id,
      paymentReference: claim.paymentReference,
      customerId: claim.customerId,
      amountMinor: claim.amountMinor,
      currency: claim.currency,
      attempt: claim.attempts,
      round: claim.rounds,
    });
  } catch (error) {
    if (error instanceof TransientPaymentError) return { status: 'transient', reason: error.message };
    services.log.error({ err: error, refundId: claim.id }, 'refund adapter failed unexpectedly');
    return { status: 'transient', reason: `Unexpected failure: ${(error as Error).message}` };
  }
}

function adapterFor(services: Services, claim: RefundClaim): PaymentAdapter {
  switch (claim.provider) {
    case 'stripe':
      if (!claim.stripeKey) throw new TransientPaymentError('Stripe is not connected for this shop.');
      return stripeAdapter({ secretKey: claim.stripeKey, apiUrl: services.config.stripeApiUrl });
    case 'store_credit':
      return storeCreditAdapter(services.db);
    case 'manual':
      return manualAdapter(services.db);
  }
}

async function recordAnswer(
  services: Services,
  claim: RefundClaim,
  answer: Answer,
  now: Date,
): Promise<keyof PayRefundsResult | null> {
  const retryAt = answer.status === 'transient' ? nextRefundAttempt(claim.attempts, now) : null;
  const next = nextState(answer, retryAt, now);
  return inTenant(services.db, claim.tenantId, async (tx) => {
    // Only while the lease is ours: a worker that outlived its lease records nothing.
    const updated = await tx
      .updateTable('refunds')
      .set({
        status: next.status,
        next_attempt_at: next.nextAttemptAt,
        last_error: next.error,
        updated_at: now,
        ...('providerRefundId' in answer && answer.providerRefundId
          ? { provider_refund_id: answer.providerRefundId }
          : {}),
        ...(next.status === 'succeeded' ? { settled_at: now } : {}),
      })
      .where('id', '=', claim.id)
      .where('next_attempt_at', '=', claim.leaseUntil)
      .where('status', 'in', ['pending', 'processing'])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return null;
    if (next.status === claim.status) return next.outcome;
    if (next.status === 'failed' && claim.paymentId)
      await reserveOnPayment(tx, claim.paymentId, -claim.amountMinor);
    if (next.status === 'failed' && claim.caseId) await raiseCase(tx, claim.caseId);
    await logOutcome(tx, claim, next.status, next.error);
    return next.outcome;
  });
}

interface NextState {
  status: RefundStatus;
  nextAttemptAt: Date | null;
  error: string | null;
  outcome: keyof PayRefundsResult;
}

function nextState(answer: Answer, retryAt: Date | null, now: Date): NextState {
  switch (answer.status) {
    case 'succeeded':
      return { status: 'succeeded', nextAttemptAt: null, error: null, outcome: 'succeeded' };
    case 'pending':
      return {
        status: 'processing',
        nextAttemptAt: new Date(now.getTime() + STATUS_POLL_MS),
        error: null,
        outcome: 'processing',
      };
    case 'requires_action':
      return {
        status: 'awaiting_transfer',
        nextAttemptAt: null,
        error: answer.reason,
        outcome: 'awaitingTransfer',
      };
    case 'failed':
      return { status: 'failed', nextAttemptAt: null, error: answer.reason, outcome: 'failed' };
    case 'transient':
      return retryAt
        ? { status: 'pending', nextAttemptAt: retryAt, error: answer.reason, outcome: 'retried' }
        : { status: 'failed', nextAttemptAt: null, error: `Gave up: ${answer.reason}`, outcome: 'failed' };
  }
}

// A refund that could not be paid is an agent's to sort out: the case rises in the inbox.
async function raiseCase(tx: Tx, caseId: string) {
  const row = await tx.selectFrom('cases').select('priority').where('id', '=', caseId).executeTakeFirst();
  if (!row) return;
  const raised = maxPriority(row.priority as Priority, 'high');
  if (raised !== row.priority)
    await tx.updateTable('cases').set({ priority: raised }).where('id', '=', caseId).execute();
}

async function logOutcome(tx: Tx, claim: RefundClaim, status: RefundStatus, error: string | null) {
  const stream = claim.caseId
    ? { stream: 'case', stream_id: claim.caseId }
    : claim.orderId
      ? { stream: 'order', stream_id: claim.orderId }
      : null;
  if (!stream) return;
  const type = status === 'processing' ? 'refund.processing' : `refund.${status}`;
  await appendEvents(tx, [
    {
      tenant_id: claim.tenantId,
      ...stream,
      type,
      actor_type: 'system',
      actor_id: null,
      reason: error,
      data: {
        refundId: claim.id,
        amountMinor: claim.amountMinor,
        currency: claim.currency,
        provider: claim.provider,
        status,
      },
    },
  ]);
}
