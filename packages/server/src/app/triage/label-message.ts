import { isIntent } from '@afterdesk/core';
import { findMessage } from '../../db/repositories/messages.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { toMessageView } from '../conversations/message-view.js';
import { invalid, notFound } from '../errors.js';
import { requireStaff } from '../staff.js';

/** The sentiment labels an agent can give; a merchant's sentiment model learns positive against negative. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;

export interface MessageLabels {
  intent?: string | undefined;
  sentiment?: (typeof SENTIMENT_LABELS)[number] | undefined;
}

/**
 * An agent corrects (or confirms) what triage read in a customer's message. The label is
 * the merchant's training data (`afterdesk triage train --tenant`); an intent label also
 * becomes the case's confirmed intent, which later messages no longer overwrite.
 */
export async function labelMessage(ctx: Ctx, caseId: string, messageId: string, labels: MessageLabels) {
  requireStaff(ctx, 'messages:write');
  if (labels.intent === undefined && labels.sentiment === undefined)
    throw invalid('Give an intent, a sentiment or both.', [{ field: '/', message: 'Nothing to label.' }]);
  if (labels.intent !== undefined && !isIntent(labels.intent))
    throw invalid(`${labels.intent} is not an intent.`, [
      { field: '/intent', message: 'One of the intents listed in docs/triage.md.' },
    ]);
  const tenantId = ctx.principal.tenantId;
  const by = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const message = await tx
      .selectFrom('messages')
      .select(['id', 'direction'])
      .where('id', '=', messageId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!message) throw notFound('The message');
    if (message.direction !== 'inbound')
      throw invalid('Only what customers wrote is labelled.', [
        { field: '/', message: 'This message was not written by the customer.' },
      ]);
    const rows = Object.entries(labels)
      .filter(([, label]) => label !== undefined)
      .map(([task, label]) => ({
        tenant_id: tenantId,
        message_id: messageId,
        task,
        label: label as string,
        labelled_by: by,
      }));
    await tx
      .insertInto('triage_labels')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['message_id', 'task']).doUpdateSet((eb) => ({
          label: eb.ref('excluded.label'),
          labelled_by: eb.ref('excluded.labelled_by'),
          created_at: ctx.clock(),
        })),
      )
      .execute();
    if (labels.intent !== undefined)
      await tx
        .updateTable('cases')
        .set({ intent: labels.intent, intent_confirmed: true })
        .where('id', '=', caseId)
        .execute();
    const row = await findMessage(tx, messageId);
    return toMessageView(row as NonNullable<typeof row>);
  });
}
