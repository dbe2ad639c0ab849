import { randomUUID } from 'node:crypto';
import type { CreatedReturnCarrier, ReturnCarrierInput } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { carrierColumns, toReturnCarrierView } from './return-carrier-views.js';

/**
 * Connects a carrier for return shipments. A generic carrier's signing secret is the
 * merchant's or generated here, and returned this once. A new default carrier takes the
 * place of the previous one.
 */
export async function createReturnCarrier(
  ctx: Ctx,
  input: ReturnCarrierInput,
): Promise<CreatedReturnCarrier> {
  requireStaff(ctx, 'helpdesk:manage');
  const columns = carrierColumns(ctx, input, null);
  const id = randomUUID();
  const tenantId = ctx.principal.tenantId;
  const row = await inTenant(ctx.db, tenantId, async (tx) => {
    if (columns.is_default)
      await tx
        .updateTable('return_carriers')
        .set({ is_default: false })
        .where('is_default', '=', true)
        .execute();
    const inserted = await withUniqueConflict(`A carrier with code ${input.code} exists already.`, () =>
      tx
        .insertInto('return_carriers')
        .values({ id, tenant_id: tenantId, ...columns })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await recordChange(tx, ctx, {
      stream: 'return_carrier',
      streamId: id,
      type: 'return_carrier.created',
      data: { code: input.code, adapter: input.adapter, url: columns.url },
    });
    return inserted;
  });
  return { ...toReturnCarrierView(row), secret: row.secret };
}
