import type { PolicyPreviewInput } from '@afterdesk/contract';
import {
  type Decision,
  evaluatePolicy,
  type PolicyDocument,
  type ReturnKind,
  validatePolicy,
} from '@afterdesk/core';
import {
  claimsBefore,
  type DecidedCursor,
  decidedCases,
} from '../../db/repositories/decisions.repository.js';
import { findOrders } from '../../db/repositories/orders.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { policyInputOf, requestedItem } from '../cases/evaluate-request.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { PreviewTally, refundOf } from './preview-tally.js';

// Cases replayed per read: a big shop's 90 days are read in pages, never all at once.
const BATCH = 500;
const DAY_MS = 86_400_000;

type DecidedCase = Awaited<ReturnType<typeof decidedCases>>[number];

/**
 * "What would this draft have decided?" The requests of the last `days` days are decided
 * again under the draft, from the inputs their stored decision was taken on (the case's
 * creation is the request time), and compared with what was decided then.
 */
export async function previewPolicy(ctx: Ctx, input: PolicyPreviewInput) {
  requirePermission(ctx, 'policies:write');
  const checked = validatePolicy(input.document);
  if (!checked.ok) throw invalid('The policy document is not valid.', checked.errors);
  const draft = checked.value;
  const to = ctx.clock();
  const from = new Date(to.getTime() - (input.days ?? 90) * DAY_MS);
  const tally = new PreviewTally();
  let after: DecidedCursor | undefined;
  for (;;) {
    // One short transaction per page, so a long replay holds no snapshot open.
    const page = await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
      const cases = await decidedCases(tx, { from, after, limit: BATCH });
      const orderIds = [...new Set(cases.map((c) => c.order_id as string))];
      const orders = new Map((await findOrders(tx, orderIds)).map((o) => [o.id, o]));
      const claims = await claimsBefore(
        tx,
        cases.map((c) => c.id),
      );
      return { cases, orders, claims };
    });
    for (const c of page.cases) {
      const order = page.orders.get(c.order_id as string);
      const stored = c.decision?.result as Decision | undefined;
      if (!order || !stored || !c.decision) continue;
      const alreadyClaimed = Object.fromEntries(
        page.claims.filter((k) => k.case_id === c.id).map((k) => [k.order_line_id, k.claimed]),
      );
      const decided = evaluatePolicy(
        policyInputOf(order, {
          policy: draft as PolicyDocument,
          // A draft has no version yet.
          policyVersion: 0,
          kind: c.kind as ReturnKind,
          now: c.created_at.toISOString(),
          language: c.language,
          items: inRequestOrder(c, stored).map((i) =>
            requestedItem({
              orderLineId: i.order_line_id,
              quantity: i.quantity,
              reasonCode: i.reason_code,
              conditions: i.conditions,
              evidenceCount: i.evidence_count ?? 0,
              replacement: i.replacement as { sku: string; unitPriceMinor: number } | null,
            }),
          ),
          alreadyClaimed,
        }),
      );
      tally.add({
        caseId: c.id,
        number: Number(c.number),
        currency: stored.currency ?? order.currency,
        current: {
          outcome: c.decision.outcome,
          refundMinor: refundOf(c.decision.outcome, stored.refundableTotalMinor),
        },
        draft: {
          outcome: decided.outcome,
          refundMinor: refundOf(decided.outcome, decided.refundableTotalMinor),
        },
      });
    }
    const last = page.cases.at(-1);
    if (!last || page.cases.length < BATCH) break;
    after = { createdAt: last.created_at, id: last.id };
  }
  return tally.result(from, to);
}

// The stored decision lists the items in the order they were asked for, which decides
// which item takes the last free units of a line; the rows themselves have no order.
function inRequestOrder(c: DecidedCase, stored: Decision): DecidedCase['items'] {
  const left = [...c.items];
  const ordered: DecidedCase['items'] = [];
  for (const d of stored.items ?? []) {
    const at = left.findIndex((i) => i.order_line_id === d.lineId && i.quantity === d.quantity);
    if (at >= 0) ordered.push(...left.splice(at, 1));
  }
  return [...ordered, ...left];
}
