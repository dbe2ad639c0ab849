import { findCaseView } from '../../db/repositories/case-view.repository.js';
import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { toCaseView } from './case-view.js';

/** A case with its items, decision, shipment, refunds, evidence and timeline. */
export async function getCase(ctx: Ctx, caseId: string) {
  requirePermission(ctx, 'cases:read');
  const row = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => findCaseView(tx, caseId));
  if (!row) throw notFound('The case');
  requireOwnership(ctx, row.customer_id, 'The case');
  return toCaseView(row);
}
