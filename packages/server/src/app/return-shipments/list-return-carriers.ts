import type { ReturnCarrierView } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';
import { toReturnCarrierView } from './return-carrier-views.js';

/** The shop's carrier connections, by code; signing secrets are never shown again. */
export async function listReturnCarriers(ctx: Ctx): Promise<{ items: ReturnCarrierView[] }> {
  requireStaff(ctx, 'helpdesk:manage');
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx.selectFrom('return_carriers').selectAll().orderBy('code').execute(),
  );
  return { items: rows.map(toReturnCarrierView) };
}
