import type { CaseInput } from '@afterdesk/contract';
import {
  type Condition,
  type Decision,
  evaluatePolicy,
  type PolicyDocument,
  type PolicyInput,
  type RequestedItem,
  type ReturnKind,
} from '@afterdesk/core';
import { findOrder, type StoredOrder } from '../../db/repositories/orders.repository.js';
import { policyDocument } from '../../db/repositories/policies.repository.js';
import type { Tx } from '../../db/scope.js';
import { requireOwnership } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../errors.js';

export interface EvaluatedRequest {
  order: StoredOrder;
  policyVersion: number;
  decision: Decision;
  language: string;
  evidence: { id: string; itemIndex: number }[];
}

/**
 * Loads what a decision needs — the order, the tenant's current policy, quantities
 * already claimed, the evidence given — and asks the policy engine. Shared by filing a
 * case and by the "what would happen" dry run, so both always agree.
 */
export async function evaluateRequest(
  ctx: Ctx,
  tx: Tx,
  input: Pick<CaseInput, 'kind' | 'orderId' | 'items' | 'language'>,
): Promise<EvaluatedRequest> {
  const order = await findOrder(tx, input.orderId);
  if (!order) throw notFound('The order');
  requireOwnership(ctx, order.customer_id, 'The order');

  const lineIds = new Set(order.lines.map((l) => l.id));
  const unknown = input.items.flatMap((item, i) =>
    lineIds.has(item.orderLineId)
      ? []
      : [{ field: `/items/${i}/orderLineId`, message: 'This line does not belong to the order.' }],
  );
  if (unknown.length > 0) throw invalid('Some items are not lines of this order.', unknown);

  const evidence = input.items.flatMap((item, itemIndex) =>
    (item.evidenceIds ?? []).map((id) => ({ id, itemIndex })),
  );
  if (evidence.length > 0) {
    const found = await tx
      .selectFrom('evidence_files')
      .select(['id', 'uploaded_by_type', 'uploaded_by_id'])
      .where(
        'id',
        'in',
        evidence.map((e) => e.id),
      )
      .where('case_id', 'is', null)
      .execute();
    // A customer may only attach what they uploaded themselves; staff file for customers.
    const principal = ctx.principal;
    const usable = found.filter(
      (f) =>
        principal.kind !== 'customer' ||
        (f.uploaded_by_type === 'customer' && f.uploaded_by_id === principal.customerId),
    );
    const ok = new Set(usable.map((f) => f.id));
    const missing = evidence.filter((e) => !ok.has(e.id));
    if (missing.length > 0) {
      throw invalid(
        'Some evidence files are unknown or already attached to another case.',
        missing.map((e) => ({
          field: `/items/${e.itemIndex}/evidenceIds`,
          message: `Unknown evidence file ${e.id}.`,
        })),
      );
    }
  }

  const policyVersion = order.policy_version;
  const document =
    policyVersion === null ? undefined : await policyDocument(tx, ctx.principal.tenantId, policyVersion);
  if (policyVersion === null || document === undefined)
    throw new Error(`Tenant ${ctx.principal.tenantId} has no policy`);
  const language = input.language ?? order.customer_language ?? 'en';
  const decision = evaluatePolicy(
    policyInputOf(order, {
      policy: document as PolicyDocument,
      policyVersion,
      kind: input.kind as ReturnKind,
      now: ctx.clock().toISOString(),
      language,
      items: input.items.map((item) =>
        requestedItem({ ...item, evidenceCount: item.evidenceIds?.length ?? 0 }),
      ),
      alreadyClaimed: Object.fromEntries(order.lines.map((l) => [l.id, l.claimed ?? 0])),
    }),
  );
  return { order, policyVersion, decision, language, evidence };
}

/** What a policy decision is asked about, besides the stored order. */
export interface PolicyRequest {
  policy: PolicyDocument;
  policyVersion: number;
  kind: ReturnKind;
  /** The moment of the request: now when filing, the case's creation when replaying. */
  now: string;
  language: string;
  items: RequestedItem[];
  /** lineId → units already claimed by other cases. */
  alreadyClaimed: Record<string, number>;
}

/**
 * The policy engine's input for a request on a stored order. Filing, the dry run and the
 * policy preview all build it here, so a replayed decision sees what the original saw.
 */
export function policyInputOf(order: StoredOrder, request: PolicyRequest): PolicyInput {
  return {
    ...request,
    store: { timeZone: order.time_zone, currency: order.store_currency },
    order: {
      id: order.id,
      currency: order.currency,
      status: order.status,
      placedAt: order.placed_at.toISOString(),
      deliveredAt: order.delivered_at?.toISOString() ?? null,
      shippingMinor: order.shipping_minor,
      totalMinor: order.total_minor,
      lines: order.lines.map((l) => ({
        id: l.id,
        sku: l.sku,
        category: l.category,
        quantity: l.quantity,
        unitPriceMinor: l.unit_price_minor,
        discountMinor: l.discount_minor,
      })),
    },
    customer: { blocked: order.customer_blocked },
  };
}

/** One requested item as the policy sees it, from the request or from a stored case item. */
export function requestedItem(item: {
  orderLineId: string;
  quantity: number;
  reasonCode: string;
  conditions?: readonly string[] | undefined;
  evidenceCount: number;
  replacement?: { sku: string; unitPriceMinor: number } | null | undefined;
}): RequestedItem {
  return {
    lineId: item.orderLineId,
    quantity: item.quantity,
    reasonCode: item.reasonCode,
    conditions: (item.conditions ?? []) as Condition[],
    evidenceCount: item.evidenceCount,
    ...(item.replacement
      ? { replacement: { sku: item.replacement.sku, unitPriceMinor: item.replacement.unitPriceMinor } }
      : {}),
  };
}
