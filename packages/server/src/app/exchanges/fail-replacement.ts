import type { ExchangeView } from '@afterdesk/contract';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { inTenant } from '../../db/scope.js';
import { requireAction } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { lockCase } from '../warehouse/step-return-case.js';
import { caseEvent, findLiveShipment } from './exchange-records.js';
import { readExchange } from './get-exchange.js';
import { reserveReplacement } from './prepare-replacement.js';

/**
 * R-6.3 "new item fails to ship → re-ship at once": the live replacement shipment, reserved
 * or already shipped, is marked failed, and the same lines are reserved again in the same
 * transaction, so the shop hears of the new reservation with no one having to ask.
 */
export async function failReplacement(ctx: Ctx, caseId: string, reason: string): Promise<ExchangeView> {
  requireAction(ctx, 'ship_replacement');
  const tenantId = ctx.principal.tenantId;
  const at = ctx.clock();
  const by = actorOf(ctx.principal);
  const view = await inTenant(ctx.db, tenantId, async (tx) => {
    const row = await lockCase(tx, caseId);
    if (!row) throw notFound('The case');
    if (row.kind !== 'exchange' || !['inspection_passed', 'replacement_shipped'].includes(row.status))
      throw conflict(
        `A ${row.kind} case that is ${row.status} has no replacement on its way; only an exchange whose goods passed inspection has.`,
      );
    const failed = await findLiveShipment(tx, caseId);
    if (!failed) throw conflict('No replacement shipment is reserved or shipped for this case yet.');
    await tx
      .updateTable('replacement_shipments')
      .set({ status: 'failed', failure_reason: reason, failed_at: at })
      .where('id', '=', failed.id)
      .execute();
    await appendEvents(tx, [
      caseEvent(
        tenantId,
        caseId,
        'replacement.failed',
        by,
        { replacementShipmentId: failed.id, wasShipped: failed.status === 'shipped' },
        reason,
      ),
    ]);
    await reserveReplacement(tx, row, failed.lines, by, at);
    return { view: await readExchange(tx, caseId), row };
  });
  ctx.live.publish({
    type: 'case',
    tenantId,
    caseId,
    customerId: view.row.customer_id,
    event: 'replacement.failed',
    status: view.row.status,
    version: view.row.version,
  });
  return view.view;
}
