import type { WarehouseInput, WarehouseView } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { toWarehouseView, warehouseColumns } from './return-carrier-views.js';

/**
 * Replaces a warehouse's address and the countries it serves. Labels already made keep
 * the address they were printed with (the shipment holds a copy).
 */
export async function updateWarehouse(
  ctx: Ctx,
  warehouseId: string,
  input: WarehouseInput,
): Promise<WarehouseView> {
  requireStaff(ctx, 'helpdesk:manage');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const columns = await warehouseColumns(tx, input);
    if (columns.is_default)
      await tx
        .updateTable('warehouses')
        .set({ is_default: false })
        .where('is_default', '=', true)
        .where('id', '<>', warehouseId)
        .execute();
    const row = await tx
      .updateTable('warehouses')
      .set({ ...columns, updated_at: ctx.clock() })
      .where('id', '=', warehouseId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('The warehouse');
    await recordChange(tx, ctx, {
      stream: 'warehouse',
      streamId: warehouseId,
      type: 'warehouse.updated',
      data: { name: input.name },
    });
    return toWarehouseView(row);
  });
}
