import { type CaseCategory, type Channel, type ConversationKind, isConversationKind } from '@afterdesk/core';
import { findCase } from '../../db/repositories/cases.repository.js';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { loadHelpDeskSettings } from '../settings/help-desk-settings.js';
import { openConversationCase } from './open-conversation-case.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The case a customer's new message belongs on. A merged case hands over to the case it
 * was merged into; a solved case reopens within the tenant's reopen period; after that,
 * or once closed, a new case opens linked to the old one, so the agent sees the history
 * and the customer never has to repeat it.
 */
export async function landCustomerMessage(tx: Tx, c: CaseRow, channel: Channel, at: Date): Promise<CaseRow> {
  let current = c;
  for (let hops = 0; current.merged_into_id && hops < 10; hops++) {
    const target = await findCase(tx, current.merged_into_id);
    if (!target) break;
    current = target as CaseRow;
  }
  const settings = await loadHelpDeskSettings(tx);
  const solvedLongAgo =
    current.status === 'solved' &&
    current.solved_at !== null &&
    at.getTime() - current.solved_at.getTime() > settings.reopenDays * DAY_MS;
  const over = current.closed_at !== null;
  if (!solvedLongAgo && !over) return current;
  const kind: ConversationKind = isConversationKind(current.kind) ? current.kind : 'inquiry';
  return openConversationCase(
    tx,
    current.tenant_id,
    {
      kind,
      category: current.category as CaseCategory,
      subject: current.subject,
      channel,
      language: current.language,
      customerId: current.customer_id,
      orderId: current.order_id,
      storeId: current.store_id,
      inboxId: current.inbox_id,
      teamId: current.team_id,
      by: { type: 'customer', id: current.customer_id },
      relatedCaseId: current.id,
      relation: 'related',
    },
    at,
  );
}
