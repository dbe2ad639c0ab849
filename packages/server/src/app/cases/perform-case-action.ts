import { randomUUID } from 'node:crypto';
import type { CaseActionInput } from '@afterdesk/contract';
import type { CaseActionType, CaseSnapshot, CaseStatus } from '@afterdesk/core';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant, type Tx } from '../../db/scope.js';
import { requireAction, requireOwnership } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { AppError, invalid, notFound } from '../errors.js';
import { openPaymentLink } from '../exchanges/open-payment-link.js';
import { shipReplacement } from '../exchanges/ship-replacement.js';
import { owedOnCase, requestRefund } from '../refunds/request-refund.js';
import { updateCaseClocks } from '../sla/case-clocks.js';
import { type Advance, advanceCase } from './advance-case.js';
import { toCaseView } from './case-view.js';
import { issueReturnLabel } from './issue-return-label.js';
import { isReturnless } from './returnless.js';

/**
 * Moves a case one step through its life cycle (one endpoint per action). The machine
 * decides whether the step is allowed; this file only adds each step's record: the
 * return label, the parcel's times, the inspection, the refund.
 */
export async function performCaseAction(
  ctx: Ctx,
  caseId: string,
  action: CaseActionType,
  input: CaseActionInput,
) {
  requireAction(ctx, action);
  const tenantId = ctx.principal.tenantId;
  const view = await inTenant(ctx.db, tenantId, async (tx) => {
    const row = await findCase(tx, caseId);
    if (!row) throw notFound('The case');
    requireOwnership(ctx, row.customer_id, 'The case');
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError(
        'version_conflict',
        `The case is at version ${row.version}, not ${input.version}; reload it.`,
      );
    }
    const snapshot: CaseSnapshot = {
      id: row.id,
      kind: row.kind as CaseSnapshot['kind'],
      status: row.status as CaseSnapshot['status'],
      version: row.version,
      // "Keep it": the machine offers the refund straight from approved (see returnless.ts).
      ...(row.kind === 'return' ? { returnless: await isReturnless(tx, row.id) } : {}),
    };
    const step: Advance = {
      type: action,
      by: actorOf(ctx.principal),
      at: ctx.clock().toISOString(),
      reason: input.reason,
    };

    switch (action) {
      case 'approve': {
        const approved = await advanceCase(tx, tenantId, snapshot, step);
        // Nothing travels for refund only, nor for goods the customer keeps.
        if (approved.kind !== 'refund_only' && !approved.returnless)
          await issueReturnLabel(ctx, tx, tenantId, approved, step.by, step.at, input.pickup);
        if (approved.kind === 'exchange') await openPaymentLink(ctx, tx, caseId, new Date(step.at));
        break;
      }
      case 'issue_label':
        await issueReturnLabel(ctx, tx, tenantId, snapshot, step.by, step.at, input.pickup);
        break;
      case 'reject':
        await advanceCase(tx, tenantId, snapshot, {
          ...step,
          data: { alternatives: input.alternatives ?? [] },
        });
        break;
      case 'ship':
        await advanceCase(tx, tenantId, snapshot, {
          ...step,
          data: { carrier: input.carrier ?? null, trackingNumber: input.trackingNumber ?? null },
        });
        await tx
          .updateTable('return_shipments')
          .set({
            shipped_at: step.at,
            customer_carrier: input.carrier ?? null,
            tracking_number: input.trackingNumber ?? null,
          })
          .where('case_id', '=', caseId)
          .execute();
        break;
      case 'receive':
        await advanceCase(tx, tenantId, snapshot, step);
        await tx
          .updateTable('return_shipments')
          .set({ received_at: step.at })
          .where('case_id', '=', caseId)
          .execute();
        break;
      case 'pass_inspection':
      case 'fail_inspection':
        await advanceCase(tx, tenantId, snapshot, { ...step, data: { notes: input.notes ?? null } });
        await tx
          .insertInto('inspections')
          .values({
            id: randomUUID(),
            tenant_id: tenantId,
            case_id: caseId,
            passed: action === 'pass_inspection',
            notes: input.notes ?? null,
            inspected_by: step.by.id,
          })
          .execute();
        break;
      case 'refund':
      case 'settle':
        await refund(ctx, tx, row, snapshot, step, input);
        break;
      case 'decide':
        await decideDispute(tx, row, snapshot, step, input);
        break;
      case 'refer_to_arbitration':
        await advanceCase(tx, tenantId, snapshot, { ...step, data: { group: input.group } });
        await tx
          .updateTable('cases')
          .set({ arbitration_group: input.group ?? null })
          .where('id', '=', caseId)
          .execute();
        break;
      case 'ship_replacement':
        await shipReplacement(tx, snapshot, step, input);
        break;
      case 'record_mediation':
        await advanceCase(tx, tenantId, snapshot, {
          ...step,
          data: { mediator: input.mediator, notes: input.notes ?? null },
        });
        break;
      default:
        await advanceCase(tx, tenantId, snapshot, step);
    }
    // A cheap read of the new status; the full view is read once, after the clocks moved.
    const moved = await tx
      .selectFrom('cases')
      .select('status')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    if (moved.status !== row.status) {
      const at = new Date(step.at);
      await tx
        .updateTable('cases')
        .set({ solved_at: moved.status === 'solved' ? at : null })
        .where('id', '=', caseId)
        .execute();
      await updateCaseClocks(tx, row, {
        type: 'status_changed',
        from: row.status as CaseStatus,
        to: moved.status as CaseStatus,
        at,
        by: step.by.type === 'customer' ? 'customer' : 'service',
      });
    }
    return toCaseView((await findCaseView(tx, caseId)) as CaseViewRow);
  });
  ctx.live.publish({
    type: 'case',
    tenantId,
    caseId,
    customerId: view.customerId,
    event: `case.${action}`,
    status: view.status,
    version: view.version,
  });
  return view;
}

// A dispute's written decision; compensation, when granted, is money owed to the customer
// and goes into the refund record like any refund (once per decision).
async function decideDispute(
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
async function refund(
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
  await refund(ctx, tx, row, snapshot, { type: 'refund', by, at, reason }, {});
}
