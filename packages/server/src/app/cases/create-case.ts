import { randomUUID } from 'node:crypto';
import type { CaseInput } from '@afterdesk/contract';
import {
  type Actor,
  DEFAULT_CATEGORY,
  INITIAL_CASE_STATUS,
  isTerminal,
  type ReturnKind,
} from '@afterdesk/core';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import { insertNewCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { conflict } from '../errors.js';
import { openPaymentLink } from '../exchanges/open-payment-link.js';
import { updateCaseClocks } from '../sla/case-clocks.js';
import { type Advance, eventRow, planTransitions } from './advance-case.js';
import { toCaseView } from './case-view.js';
import { type EvaluatedRequest, evaluateRequest } from './evaluate-request.js';
import { drawReturnLabel, labelStep, type ReturnLabel, returnShipmentRow } from './issue-return-label.js';
import { refundReturnless } from './refund-case.js';

const SYSTEM: Actor = { type: 'system', id: null };

/**
 * Files a return, exchange, refund-only or repair request. The policy decides at once:
 * approved cases get their return code, rejected ones their reasons, the rest wait for
 * review. The machine walks those first steps in memory and the case is written whole,
 * in one statement.
 */
export async function createCase(ctx: Ctx, input: CaseInput) {
  requirePermission(ctx, 'cases:create');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const evaluated = await evaluateRequest(ctx, tx, input);
    const { order, decision, policyVersion, language, evidence } = evaluated;
    const at = ctx.clock().toISOString();
    const actor = actorOf(ctx.principal);
    const caseId = randomUUID();
    const kind = input.kind as ReturnKind;
    // "Keep it" (decision.returnless): the goods stay with the customer, so no label.
    const sendsGoodsBack = decision.outcome === 'approve' && kind !== 'refund_only' && !decision.returnless;
    const label = sendsGoodsBack
      ? await drawReturnLabel(ctx, tx, {
          customerId: order.customer_id,
          storeId: order.store_id,
          fees: decision.fees,
        })
      : null;
    const { snapshot, events } = planTransitions(
      { id: caseId, kind, status: INITIAL_CASE_STATUS, version: 1, returnless: decision.returnless },
      firstSteps(evaluated, label, at),
    );
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
      goods_minor: decision.items[i]?.goodsMinor ?? 0,
      shipping_refund_minor: decision.items[i]?.shippingRefundMinor ?? 0,
      refundable_minor: decision.items[i]?.refundableMinor ?? 0,
    }));
    const caseEvent = (
      type: string,
      by: { type: string; id: string | null },
      data: Record<string, unknown>,
    ) => ({
      tenant_id: tenantId,
      stream: 'case',
      stream_id: caseId,
      type,
      actor_type: by.type,
      actor_id: by.id,
      reason: null,
      data,
    });
    await insertNewCase(tx, {
      row: {
        id: caseId,
        tenant_id: tenantId,
        kind,
        status: snapshot.status,
        version: snapshot.version,
        store_id: order.store_id,
        customer_id: order.customer_id,
        order_id: order.id,
        language,
        channel: input.channel ?? (ctx.principal.kind === 'integration' ? 'api' : 'web'),
        category: DEFAULT_CATEGORY[kind],
        description: input.description ?? null,
        return_code: label?.returnCode ?? null,
        policy_version: policyVersion,
        refundable_minor: decision.refundableTotalMinor,
        currency: decision.currency,
        created_by_type: actor.type,
        created_by_id: actor.id,
        closed_at: isTerminal(snapshot.status) ? at : null,
      },
      items,
      decision: {
        id: randomUUID(),
        tenant_id: tenantId,
        case_id: caseId,
        policy_version: policyVersion,
        outcome: decision.outcome,
        result: JSON.stringify(decision),
      },
      shipment: label ? returnShipmentRow(label, tenantId, caseId) : null,
      events: [
        caseEvent('case.submitted', actor, { kind, orderId: order.id, items: input.items.length }),
        caseEvent('case.decided', SYSTEM, { outcome: decision.outcome, policyVersion }),
        ...events.map((e) => eventRow(tenantId, e)),
      ],
    });
    // what an approved exchange costs the customer on top is asked for at once.
    if (decision.outcome === 'approve' && kind === 'exchange')
      await openPaymentLink(ctx, tx, caseId, new Date(at));
    // Goods kept and the request approved: nothing is left to wait for, so the system
    // refunds at once, through the same refund step as an agent's.
    const refundsAtOnce = decision.outcome === 'approve' && decision.returnless;
    if (refundsAtOnce) await refundReturnless(ctx, tx, caseId, at);
    const status = refundsAtOnce ? 'refunded' : snapshot.status;
    // The service levels of R-9: an answer within hours, the matter settled within business
    // days. The policy's own decision, when it took one, is the first answer.
    const clocked = {
      id: caseId,
      tenant_id: tenantId,
      kind,
      category: DEFAULT_CATEGORY[kind],
      priority: 'normal',
      store_id: order.store_id,
    };
    await updateCaseClocks(tx, clocked, [
      { type: 'opened', at: new Date(at) },
      ...(status === INITIAL_CASE_STATUS || status === 'under_review'
        ? []
        : [
            {
              type: 'status_changed' as const,
              from: INITIAL_CASE_STATUS,
              to: status,
              at: new Date(at),
              by: 'service' as const,
            },
          ]),
    ]);
    for (const e of evidence) {
      // Only while still unattached: two cases filed at once cannot both take a file.
      const attached = await tx
        .updateTable('evidence_files')
        .set({ case_id: caseId, case_item_id: items[e.itemIndex]?.id ?? null })
        .where('id', '=', e.id)
        .where('case_id', 'is', null)
        .executeTakeFirst();
      if (attached.numUpdatedRows !== 1n)
        throw conflict(`Evidence file ${e.id} was just attached to another case.`);
    }
    return toCaseView((await findCaseView(tx, caseId)) as CaseViewRow);
  });
}

// What the policy's outcome means for the life cycle, as machine steps taken by the system.
function firstSteps({ decision }: EvaluatedRequest, label: ReturnLabel | null, at: string): Advance[] {
  const reasons = decision.reasons.map((r) => r.message).join(' ');
  switch (decision.outcome) {
    case 'approve':
      return [
        { type: 'approve', by: SYSTEM, at, reason: 'Approved automatically by the return policy.' },
        ...(label ? [labelStep(label, SYSTEM, at, decision.deadlines.shipBackBy)] : []),
      ];
    case 'reject':
      return [{ type: 'reject', by: SYSTEM, at, reason: reasons || 'Not eligible under the return policy.' }];
    default:
      return [{ type: 'start_review', by: SYSTEM, at, reason: reasons || undefined }];
  }
}
