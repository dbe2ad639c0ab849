import type { WarehouseView } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';
import { toWarehouseView } from './return-carrier-views.js';

/** The shop's return warehouses, oldest first: the order the address rule breaks ties in. */
export async function listWarehouses(ctx: Ctx): Promise<{ items: WarehouseView[] }> {
  requireStaff(ctx, 'helpdesk:manage');
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx.selectFrom('warehouses').selectAll().orderBy('created_at').orderBy('id').execute(),
  );
  return { items: rows.map(toWarehouseView) };
}
