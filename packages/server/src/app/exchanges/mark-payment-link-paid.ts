import type { PaymentLink } from '@afterdesk/contract';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { inTenant } from '../../db/scope.js';
import { actorOf, type Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { requireStaff } from '../staff.js';
import { lockCase } from '../warehouse/step-return-case.js';
import { caseEvent, toPaymentLinkView } from './exchange-records.js';
import { prepareReplacement } from './prepare-replacement.js';

/**
 * The shop's checkout (or an agent) confirms the customer paid a payment link. A
 * replacement already due to ship (goods inspected) is then reserved at once. Confirming
 * again with the same reference answers the same; another reference is a conflict.
 */
export async function markPaymentLinkPaid(ctx: Ctx, linkId: string, reference: string): Promise<PaymentLink> {
  requireStaff(ctx, 'cases:review');
  const tenantId = ctx.principal.tenantId;
  const at = ctx.clock();
  const by = actorOf(ctx.principal);
  return inTenant(ctx.db, tenantId, async (tx) => {
    const seen = await tx
      .selectFrom('payment_links')
      .select('case_id')
      .where('id', '=', linkId)
      .executeTakeFirst();
    if (!seen) throw notFound('The payment link');
    // The case first, as every exchange step locks it, so the two never wait on each other.
    const row = await lockCase(tx, seen.case_id);
    if (!row) throw notFound('The case');
    const link = await tx
      .selectFrom('payment_links')
      .selectAll()
      .where('id', '=', linkId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (link.status === 'paid' && link.reference === reference) return toPaymentLinkView(link);
    if (link.status !== 'open')
      throw conflict(`The payment link is ${link.status}${link.reference ? ` (${link.reference})` : ''}.`);
    const paid = await tx
      .updateTable('payment_links')
      .set({ status: 'paid', reference, paid_at: at, updated_at: at })
      .where('id', '=', linkId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvents(tx, [
      caseEvent(tenantId, row.id, 'payment_link.paid', by, {
        paymentLinkId: linkId,
        amountMinor: Number(paid.amount_minor),
        currency: paid.currency,
        reference,
      }),
    ]);
    if (row.kind === 'exchange' && row.status === 'inspection_passed')
      await prepareReplacement(tx, row, by, at);
    return toPaymentLinkView(paid);
  });
}
