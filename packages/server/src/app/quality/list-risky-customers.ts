import type { RiskCustomersQuery } from '@afterdesk/contract';
import { type RiskThresholds, scoreCustomerAbuse } from '@afterdesk/core';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { type CustomerFacts, customerReturnFacts } from './customer-return-facts.js';
import { loadRiskThresholds } from './risk-settings.js';
import { checkPeriod } from './weeks.js';

/** Most customers scored per request: the period should be a week or a month, not years. */
const MAX_CANDIDATES = 5000;

/**
 * The customers who asked for a return, exchange or refund in the period, scored for
 * serial returns and abuse over their whole history, highest first (top `limit`). The
 * candidates come from the cases' kind-and-time index; each is scored by index lookups.
 */
export async function listRiskyCustomers(ctx: Ctx, query: RiskCustomersQuery) {
  requirePermission(ctx, 'measures:read');
  const { to } = checkPeriod(query);
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const thresholds = await loadRiskThresholds(tx);
    const candidates = await tx
      .selectFrom('cases')
      .select('customer_id')
      .distinct()
      .where('tenant_id', '=', tenantId)
      .where('kind', 'in', ['return', 'exchange', 'refund_only'])
      .where('created_at', '>=', new Date(`${query.from}T00:00:00Z`))
      .where('created_at', '<', new Date(`${to}T00:00:00Z`))
      .limit(MAX_CANDIDATES)
      .execute();
    const facts = await customerReturnFacts(
      tx,
      tenantId,
      candidates.map((c) => c.customer_id),
    );
    const scored = facts
      .map((f) => toCustomerRisk(f, thresholds))
      .filter((c) => !query.flaggedOnly || c.flagged)
      .sort((a, b) => b.score - a.score || a.customerId.localeCompare(b.customerId));
    return { from: query.from, to, candidates: candidates.length, items: scored.slice(0, query.limit ?? 20) };
  });
}

/** One customer's abuse score with its reasons, whatever the period. */
export async function getCustomerRisk(ctx: Ctx, customerId: string) {
  requirePermission(ctx, 'measures:read');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const [facts] = await customerReturnFacts(tx, tenantId, [customerId]);
    if (!facts) throw notFound('The customer');
    return toCustomerRisk(facts, await loadRiskThresholds(tx));
  });
}

function toCustomerRisk(f: CustomerFacts, thresholds: RiskThresholds) {
  const { score, flagged, reasons } = scoreCustomerAbuse(f, thresholds);
  const { customerId, name, ...figures } = f;
  return { customerId, name, score, flagged, reasons, facts: figures };
}
