import type { CaseInput } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { evaluateRequest } from './evaluate-request.js';

/** "What would happen if I filed this?" — the policy's decision without storing anything. */
export async function checkEligibility(
  ctx: Ctx,
  input: Pick<CaseInput, 'kind' | 'orderId' | 'items' | 'language'>,
) {
  requirePermission(ctx, 'cases:create');
  const { decision } = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    evaluateRequest(ctx, tx, input),
  );
  return decision;
}
