import type { ReturnCarrierInput, ReturnCarrierView } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { carrierColumns, toReturnCarrierView } from './return-carrier-views.js';

/**
 * Replaces a carrier connection's settings. The signing secret stays unless a new one is
 * given; shipments already issued keep their waybills, and requested ones are asked with
 * the new settings.
 */
export async function updateReturnCarrier(
  ctx: Ctx,
  carrierId: string,
  input: ReturnCarrierInput,
): Promise<ReturnCarrierView> {
  requireStaff(ctx, 'helpdesk:manage');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const found = await tx
      .selectFrom('return_carriers')
      .select('secret')
      .where('id', '=', carrierId)
      .forUpdate()
      .executeTakeFirst();
    if (!found) throw notFound('The carrier');
    const columns = carrierColumns(ctx, input, found.secret);
    if (columns.is_default)
      await tx
        .updateTable('return_carriers')
        .set({ is_default: false })
        .where('is_default', '=', true)
        .where('id', '<>', carrierId)
        .execute();
    const row = await withUniqueConflict(`A carrier with code ${input.code} exists already.`, () =>
      tx
        .updateTable('return_carriers')
        .set({ ...columns, updated_at: ctx.clock() })
        .where('id', '=', carrierId)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await recordChange(tx, ctx, {
      stream: 'return_carrier',
      streamId: carrierId,
      type: 'return_carrier.updated',
      data: { code: input.code, adapter: input.adapter, url: columns.url },
    });
    return toReturnCarrierView(row);
  });
}
