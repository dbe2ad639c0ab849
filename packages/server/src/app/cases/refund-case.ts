import type { CaseActionInput } from '@afterdesk/contract';
import type { CaseSnapshot } from '@afterdesk/core';
import { findCase } from '../../db/repositories/cases.repository.js';
import type { Tx } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { owedOnCase, requestRefund } from '../refunds/request-refund.js';
import { type Advance, advanceCase } from './advance-case.js';

/*
 * The case steps that owe the customer money (refund, settle, a dispute's decision, the
 * system's returnless refund). Each records the step through the machine and the money
 * through `requestRefund`, in the caller's transaction.
 */

// A dispute's written decision; compensation, when granted, is money owed to the customer
// and goes into the refund record like any refund (once per decision).
export async function decideDispute(
  tx: Tx,
  row: CaseRowLike,
  snapshot: CaseSnapshot,
  step: Advance,
  input: CaseActionInput,
) {
  const compensationMinor = input.compensationMinor ?? 0;
  const decided = await advanceCase(tx, row.tenant_id, snapshot, {
    ...step,
    data: { compensationMinor, currency: row.currency },
  });
  if (compensationMinor > 0) {
    await requestRefund(tx, {
      ...owedOnCase(row),
      amountMinor: compensationMinor,
      currency: row.currency ?? (await orderCurrency(tx, row.id)),
      method: input.method ?? 'original_payment',
      purpose: 'compensation',
      idempotencyKey: `case:${row.id}:decide:${decided.status}`,
      by: step.by,
      at: new Date(step.at),
    });
  }
}

async function orderCurrency(tx: Tx, caseId: string): Promise<string> {
  const row = await tx
    .selectFrom('cases as c')
    .leftJoin('orders as o', 'o.id', 'c.order_id')
    .leftJoin('stores as s', 's.id', 'c.store_id')
    .select(['o.currency as order_currency', 's.currency as store_currency'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return row?.order_currency ?? row?.store_currency ?? 'XXX';
}

type CaseRowLike = {
  id: string;
  tenant_id: string;
  order_id: string | null;
  customer_id: string;
  refundable_minor: number | null;
  currency: string | null;
};

// The status update comes first: a second, parallel refund waits on the row lock and then
// fails its version check, and the refund's unique key is the wall behind that.
export async function refundCase(
  ctx: Ctx,
  tx: Tx,
  row: CaseRowLike,
  snapshot: CaseSnapshot,
  step: Advance,
  input: CaseActionInput,
) {
  const refundable = row.refundable_minor ?? 0;
  const settling = step.type === 'settle';
  const amountMinor = input.amountMinor ?? (settling ? undefined : refundable);
  if (amountMinor === undefined) {
    throw invalid('A settlement needs the agreed amount.', [
      { field: '/amountMinor', message: 'Required to settle.' },
    ]);
  }
  if (!settling && amountMinor > refundable) {
    throw invalid(`At most ${refundable} may be refunded for this case.`, [
      { field: '/amountMinor', message: `Must not exceed ${refundable}.` },
    ]);
  }
  const method = input.method ?? 'original_payment';
  await advanceCase(tx, row.tenant_id, snapshot, {
    ...step,
    data: { amountMinor, currency: row.currency, method },
  });
  // Paid after the commit by the refund job; `settle` may be compensation beyond the goods.
  if (amountMinor === 0) return;
  await requestRefund(tx, {
    ...owedOnCase(row),
    amountMinor,
    currency: row.currency ?? (await orderCurrency(tx, row.id)),
    method,
    purpose: settling ? 'compensation' : 'refund',
    idempotencyKey: `case:${row.id}:${step.type}`,
    by: step.by,
    at: new Date(step.at),
  });
  ctx.log.info({ caseId: row.id, amountMinor, method }, 'refund requested');
}

// "Keep it" (returnless refunds): the system's own refund of a return it approved without
// a parcel, through the same 'refund' step an agent takes.

/** Refunds a returnless case just approved in this transaction; see `createCase`. */
export async function refundReturnless(ctx: Ctx, tx: Tx, caseId: string, at: string): Promise<void> {
  const row = await findCase(tx, caseId);
  if (!row) throw notFound('The case');
  const snapshot: CaseSnapshot = {
    id: row.id,
    kind: row.kind as CaseSnapshot['kind'],
    status: row.status as CaseSnapshot['status'],
    version: row.version,
    returnless: true,
  };
  const by = { type: 'system', id: null } as const;
  const reason = 'Refunded without a return: the label would cost more than the goods are worth.';
  await refundCase(ctx, tx, row, snapshot, { type: 'refund', by, at, reason }, {});
}
