import { randomUUID } from 'node:crypto';
import type { CaseInput } from '@afterdesk/contract';
import { type Actor, type CaseSnapshot, INITIAL_CASE_STATUS, type ReturnKind } from '@afterdesk/core';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import { insertCase } from '../../db/repositories/cases.repository.js';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { advanceCase } from './advance-case.js';
import { toCaseView } from './case-view.js';
import { evaluateRequest } from './evaluate-request.js';
import { issueReturnLabel } from './issue-return-label.js';

const SYSTEM: Actor = { type: 'system', id: null };

/**
 * Files a return, exchange, refund-only or repair request. The policy decides at once:
 * approved cases get their return code, rejected ones their reasons, the rest wait for review.
 */
export async function createCase(ctx: Ctx, input: CaseInput) {
  requirePermission(ctx, 'cases:create');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const { order, decision, policyVersion, language, evidence } = await evaluateRequest(ctx, tx, input);
    const at = ctx.clock().toISOString();
    const actor = actorOf(ctx.principal);
    const caseId = randomUUID();
    const perItem = new Map(decision.items.map((d, i) => [i, d]));
    const items = input.items.map((item, i) => ({
      id: randomUUID(),
      tenant_id: tenantId,
      case_id: caseId,
      order_line_id: item.orderLineId,
      sku: order.lines.find((l) => l.id === item.orderLineId)?.sku ?? '',
      quantity: item.quantity,
      reason_code: item.reasonCode,
      description: item.description ?? null,
      conditions: item.conditions ?? [],
      replacement: item.replacement ? JSON.stringify(item.replacement) : null,
      goods_minor: perItem.get(i)?.goodsMinor ?? 0,
      shipping_refund_minor: perItem.get(i)?.shippingRefundMinor ?? 0,
      refundable_minor: perItem.get(i)?.refundableMinor ?? 0,
    }));
    await insertCase(
      tx,
      {
        id: caseId,
        tenant_id: tenantId,
        kind: input.kind,
        status: INITIAL_CASE_STATUS,
        store_id: order.store_id,
        customer_id: order.customer_id,
        order_id: order.id,
        language,
        channel: input.channel ?? (ctx.principal.kind === 'integration' ? 'api' : 'web'),
        description: input.description ?? null,
        policy_version: policyVersion,
        refundable_minor: decision.refundableTotalMinor,
        currency: decision.currency,
        created_by_type: actor.type,
        created_by_id: actor.id,
      },
      items,
    );
    if (evidence.length > 0) {
      for (const e of evidence) {
        await tx
          .updateTable('evidence_files')
          .set({ case_id: caseId, case_item_id: items[e.itemIndex]?.id ?? null })
          .where('id', '=', e.id)
          .execute();
      }
    }
    await tx
      .insertInto('decisions')
      .values({
        id: randomUUID(),
        tenant_id: tenantId,
        case_id: caseId,
        policy_version: policyVersion,
        outcome: decision.outcome,
        result: JSON.stringify(decision),
      })
      .execute();
    await appendEvents(tx, [
      {
        tenant_id: tenantId,
        stream: 'case',
        stream_id: caseId,
        type: 'case.submitted',
        actor_type: actor.type,
        actor_id: actor.id,
        reason: null,
        data: { kind: input.kind, orderId: order.id, items: input.items.length },
      },
      {
        tenant_id: tenantId,
        stream: 'case',
        stream_id: caseId,
        type: 'case.decided',
        actor_type: 'system',
        actor_id: null,
        reason: null,
        data: { outcome: decision.outcome, policyVersion },
      },
    ]);

    let snapshot: CaseSnapshot = {
      id: caseId,
      kind: input.kind as ReturnKind,
      status: INITIAL_CASE_STATUS,
      version: 1,
    };
    const reasons = decision.reasons.map((r) => r.message).join(' ');
    if (decision.outcome === 'approve') {
      snapshot = await advanceCase(tx, tenantId, snapshot, {
        type: 'approve',
        by: SYSTEM,
        at,
        reason: 'Approved automatically by the return policy.',
      });
      if (snapshot.kind !== 'refund_only') {
        snapshot = await issueReturnLabel(
          ctx,
          tx,
          tenantId,
          snapshot,
          SYSTEM,
          at,
          decision.deadlines.shipBackBy,
        );
      }
    } else if (decision.outcome === 'reject') {
      snapshot = await advanceCase(tx, tenantId, snapshot, {
        type: 'reject',
        by: SYSTEM,
        at,
        reason: reasons || 'Not eligible under the return policy.',
      });
    } else {
      snapshot = await advanceCase(tx, tenantId, snapshot, {
        type: 'start_review',
        by: SYSTEM,
        at,
        reason: reasons || undefined,
      });
    }
    return toCaseView((await findCaseView(tx, caseId)) as CaseViewRow);
  });
}
