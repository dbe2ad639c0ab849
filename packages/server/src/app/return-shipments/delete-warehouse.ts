import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';

/** Removes a warehouse; returns already on their way keep the address on their label. */
export async function deleteWarehouse(ctx: Ctx, warehouseId: string): Promise<void> {
  requireStaff(ctx, 'helpdesk:manage');
  await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const gone = await tx
      .deleteFrom('warehouses')
      .where('id', '=', warehouseId)
      .returning('name')
      .executeTakeFirst();
    if (!gone) throw notFound('The warehouse');
    await recordChange(tx, ctx, {
      stream: 'warehouse',
      streamId: warehouseId,
      type: 'warehouse.deleted',
      data: { name: gone.name },
    });
  });
}
