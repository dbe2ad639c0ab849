import type { WebFormInput } from '@afterdesk/contract';
import type { Static } from '@sinclair/typebox';
import { inSystem, inTenant } from '../../db/scope.js';
import type { Services } from '../context.js';
import { notFound } from '../errors.js';
import { answerOrHandOff, mayServeItself } from '../triage/self-service.js';
import { triageInbound, writtenIn } from '../triage/triage-inbound.js';
import { addMessage } from './add-message.js';
import { findOrCreateCustomer } from './find-customer.js';
import { openConversationCase } from './open-conversation-case.js';

/**
 * The contact form on a shop's web site: anyone may write to a web inbox; the message
 * opens a case for the sender (found or created by e-mail) and is answered by e-mail.
 */
export async function submitWebForm(services: Services, inboxId: string, input: Static<typeof WebFormInput>) {
  const inbox = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('inboxes')
      .select(['id', 'tenant_id', 'store_id', 'team_id'])
      .where('id', '=', inboxId)
      .where('channel', '=', 'web')
      .executeTakeFirst(),
  );
  if (!inbox) throw notFound('The contact form');
  const opened = await inTenant(services.db, inbox.tenant_id, async (tx) => {
    const at = services.clock();
    const customerId = await findOrCreateCustomer(tx, inbox.tenant_id, {
      email: input.email,
      name: input.name,
      language: input.language ?? null,
    });
    const order = input.orderNumber
      ? await tx
          .selectFrom('orders')
          .select('id')
          .where('number', '=', input.orderNumber)
          .where('customer_id', '=', customerId)
          .executeTakeFirst()
      : undefined;
    const kind = input.kind ?? 'inquiry';
    const triage = await triageInbound(services, tx, inbox.tenant_id, input.message);
    const selfServe = await mayServeItself(tx, triage);
    const row = await openConversationCase(
      tx,
      inbox.tenant_id,
      {
        kind,
        // A plain question is filed where its words point; a complaint or a parcel problem the customer chose is that.
        category: kind === 'inquiry' ? null : kind === 'logistics' ? 'logistics' : 'complaint',
        subject: input.subject ?? null,
        channel: 'email',
        language: input.language ?? writtenIn(triage) ?? 'en',
        customerId,
        orderId: order?.id ?? null,
        storeId: inbox.store_id,
        inboxId: inbox.id,
        teamId: inbox.team_id,
        by: { type: 'customer', id: customerId },
        triage,
        selfServe,
      },
      at,
    );
    await addMessage(
      services,
      tx,
      row,
      {
        direction: 'inbound',
        channel: 'web',
        author: { type: 'customer', id: customerId, name: input.name },
        subject: input.subject ?? null,
        body: input.message,
        triage,
      },
      input.email,
    );
    if (selfServe)
      await answerOrHandOff(
        services,
        tx,
        row,
        { triage, text: input.message, customerEmail: input.email },
        at,
      );
    return { caseId: row.id, caseNumber: Number(row.number), customerId };
  });
  services.live.publish({
    type: 'case',
    tenantId: inbox.tenant_id,
    caseId: opened.caseId,
    customerId: opened.customerId,
    event: 'case.opened',
    status: 'open',
    version: 1,
  });
  return { caseId: opened.caseId, caseNumber: opened.caseNumber };
}
