import { currentPolicy } from '../../db/repositories/policies.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/** The policy in force: its version and document. */
export async function getPolicy(ctx: Ctx) {
  requirePermission(ctx, 'policies:read');
  const policy = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => currentPolicy(tx));
  if (!policy) throw notFound('The policy');
  return policy as { version: number; document: Record<string, unknown> };
}
