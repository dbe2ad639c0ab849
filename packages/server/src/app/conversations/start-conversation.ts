import type { ConversationInput } from '@afterdesk/contract';
import type { CaseCategory, Channel } from '@afterdesk/core';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import { toCaseView } from '../cases/case-view.js';
import { actorOf, type Ctx } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { answerOrHandOff, mayServeItself } from '../triage/self-service.js';
import { triageInbound, writtenIn } from '../triage/triage-inbound.js';
import { addMessage } from './add-message.js';
import { findOrCreateCustomer } from './find-customer.js';
import { openConversationCase } from './open-conversation-case.js';

/**
 * Opens an inquiry, complaint, logistics question or dispute with its first message. A
 * complaint or dispute about a return names it (`relatedCaseId`), so the agent sees the
 * return beside it. Customers open their own; staff open one for a customer who called.
 */
export async function startConversation(ctx: Ctx, input: ConversationInput) {
  requirePermission(ctx, 'cases:create');
  const tenantId = ctx.principal.tenantId;
  const actor = actorOf(ctx.principal);
  const view = await inTenant(ctx.db, tenantId, async (tx) => {
    const customerId =
      ctx.principal.kind === 'customer'
        ? ctx.principal.customerId
        : (input.customerId ??
          (input.customer?.email || input.customer?.phone
            ? await findOrCreateCustomer(tx, tenantId, input.customer)
            : null));
    if (!customerId)
      throw invalid('Say who the customer is.', [
        { field: '/customer', message: 'Give customerId, or a customer with an e-mail or phone.' },
      ]);
    const customer = await tx
      .selectFrom('customers')
      .select(['id', 'email', 'language'])
      .where('id', '=', customerId)
      .executeTakeFirst();
    if (!customer) throw notFound('The customer');
    if (input.orderId) {
      const order = await tx
        .selectFrom('orders')
        .select('customer_id')
        .where('id', '=', input.orderId)
        .executeTakeFirst();
      if (!order || order.customer_id !== customerId) throw notFound('The order');
    }
    if (input.relatedCaseId) {
      const related = await findCase(tx, input.relatedCaseId);
      if (!related || related.customer_id !== customerId) throw notFound('The related case');
      requireOwnership(ctx, related.customer_id, 'The related case');
    }
    const channel = (input.channel ?? (ctx.principal.kind === 'integration' ? 'api' : 'web')) as Channel;
    const at = ctx.clock();
    const triage = await triageInbound(ctx, tx, tenantId, input.body);
    // A customer writing in themselves may be answered at once; what staff log goes to a person.
    const selfServe = ctx.principal.kind === 'customer' && (await mayServeItself(tx, triage));
    const row = await openConversationCase(
      tx,
      tenantId,
      {
        kind: input.kind,
        category: (input.category ?? null) as CaseCategory | null,
        complaintType: input.complaintType ?? null,
        subject: input.subject ?? null,
        channel,
        language:
          input.language ?? input.customer?.language ?? writtenIn(triage) ?? customer.language ?? 'en',
        customerId,
        orderId: input.orderId ?? null,
        storeId: input.storeId ?? null,
        by: actor,
        relatedCaseId: input.relatedCaseId ?? null,
        triage,
        selfServe,
      },
      at,
    );
    // The customer's words, whoever typed them in: an agent taking a call logs them.
    await addMessage(
      ctx,
      tx,
      row,
      {
        direction: 'inbound',
        channel,
        author:
          ctx.principal.kind === 'user'
            ? { ...actor, name: ctx.principal.name }
            : { type: 'customer', id: customerId },
        body: input.body,
        subject: input.subject ?? null,
        clientMessageId: input.clientMessageId ?? null,
        attachmentIds: input.attachmentIds ?? [],
        triage,
      },
      customer.email,
    );
    if (selfServe)
      await answerOrHandOff(ctx, tx, row, { triage, text: input.body, customerEmail: customer.email }, at);
    return toCaseView((await findCaseView(tx, row.id)) as CaseViewRow);
  });
  ctx.live.publish({
    type: 'case',
    tenantId,
    caseId: view.id,
    customerId: view.customerId,
    event: 'case.opened',
    status: view.status,
    version: view.version,
  });
  return view;
}
