import type { ExchangeView } from '@afterdesk/contract';
import { inTenant, type Tx } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { toPaymentLinkView, toReplacementShipmentView } from './exchange-records.js';

/** An exchange's payment links and replacement shipments; a customer sees their own. */
export async function getExchange(ctx: Ctx, caseId: string): Promise<ExchangeView> {
  requirePermission(ctx, 'cases:read');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const found = await tx
      .selectFrom('cases')
      .select(['id', 'customer_id'])
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!found) throw notFound('The case');
    requireOwnership(ctx, found.customer_id, 'The case');
    return readExchange(tx, caseId);
  });
}

export async function readExchange(tx: Tx, caseId: string): Promise<ExchangeView> {
  const links = await tx
    .selectFrom('payment_links')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const shipments = await tx
    .selectFrom('replacement_shipments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('reserved_at')
    .execute();
  return {
    caseId,
    paymentLinks: links.map(toPaymentLinkView),
    replacementShipments: shipments.map(toReplacementShipmentView),
  };
}
