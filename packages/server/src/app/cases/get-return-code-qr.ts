import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { renderReturnCodeQr } from '../../files/index.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/** The return code as a QR image to show at a drop-off point. */
export async function getReturnCodeQr(ctx: Ctx, caseId: string) {
  requirePermission(ctx, 'cases:read');
  const row = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => findCase(tx, caseId));
  if (!row) throw notFound('The case');
  requireOwnership(ctx, row.customer_id, 'The case');
  if (!row.return_code) throw notFound('A return code for this case');
  return renderReturnCodeQr(row.return_code, { sizePx: 320 });
}
