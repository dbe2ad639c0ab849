import { randomUUID } from 'node:crypto';
import type { WarehouseInput, WarehouseView } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { toWarehouseView, warehouseColumns } from './return-carrier-views.js';

/** Adds a warehouse returns can go to; a new default warehouse takes the previous one's place. */
export async function createWarehouse(ctx: Ctx, input: WarehouseInput): Promise<WarehouseView> {
  requireStaff(ctx, 'helpdesk:manage');
  const tenantId = ctx.principal.tenantId;
  const id = randomUUID();
  const row = await inTenant(ctx.db, tenantId, async (tx) => {
    const columns = await warehouseColumns(tx, input);
    if (columns.is_default)
      await tx.updateTable('warehouses').set({ is_default: false }).where('is_default', '=', true).execute();
    const inserted = await tx
      .insertInto('warehouses')
      .values({ id, tenant_id: tenantId, ...columns })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, ctx, {
      stream: 'warehouse',
      streamId: id,
      type: 'warehouse.created',
      data: { name: input.name },
    });
    return inserted;
  });
  return toWarehouseView(row);
}
