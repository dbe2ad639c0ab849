import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { loadRiskThresholds } from './risk-settings.js';

/** The tenant's risk thresholds, defaults filled in. */
export async function getRiskSettings(ctx: Ctx) {
  requirePermission(ctx, 'measures:read');
  return inTenant(ctx.db, ctx.principal.tenantId, (tx) => loadRiskThresholds(tx));
}
