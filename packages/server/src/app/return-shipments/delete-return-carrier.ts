import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';

/**
 * Disconnects a carrier. Shipments keep its code and their waybills; ones still waiting
 * for its answer fail with the reason, for an agent to type the waybill in.
 */
export async function deleteReturnCarrier(ctx: Ctx, carrierId: string): Promise<void> {
  requireStaff(ctx, 'helpdesk:manage');
  await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const gone = await tx
      .deleteFrom('return_carriers')
      .where('id', '=', carrierId)
      .returning('code')
      .executeTakeFirst();
    if (!gone) throw notFound('The carrier');
    await recordChange(tx, ctx, {
      stream: 'return_carrier',
      streamId: carrierId,
      type: 'return_carrier.deleted',
      data: { code: gone.code },
    });
  });
}
