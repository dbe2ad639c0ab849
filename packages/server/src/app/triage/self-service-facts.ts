import {
  addBusinessDays,
  type MessageTriage,
  type PolicyDocument,
  RETURN_KINDS,
  type SelfServiceFacts,
} from '@afterdesk/core';
import { currentPolicy } from '../../db/repositories/policies.repository.js';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { searchKnowledgeBase } from '../knowledge/knowledge-index.js';
import { loadHelpDeskSettings } from '../settings/help-desk-settings.js';
import { loadClockSetting } from '../sla/case-clocks.js';

const ON_ITS_WAY: readonly string[] = ['pending', 'processing', 'awaiting_transfer'];

// Everything the answer may use: the order and its parcels, refunds, an open return, the
// policy and the best article, read in the tenant's transaction.
export async function loadSelfServiceFacts(
  tx: Tx,
  c: CaseRow,
  input: { triage: MessageTriage; text: string },
  at: Date,
): Promise<SelfServiceFacts> {
  const settings = await loadHelpDeskSettings(tx);
  const store = await tx
    .selectFrom('stores')
    .select(['time_zone', 'currency'])
    .$if(c.store_id !== null, (q) => q.where('id', '=', c.store_id as string))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  const customer = await tx
    .selectFrom('customers')
    .select('name')
    .where('id', '=', c.customer_id)
    .executeTakeFirst();
  const order = await tx
    .selectFrom('orders')
    .select(['id', 'number', 'placed_at'])
    .$if(c.order_id !== null, (q) => q.where('id', '=', c.order_id as string))
    .$if(c.order_id === null, (q) => q.where('customer_id', '=', c.customer_id))
    .orderBy('placed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const shipments = order
    ? await tx
        .selectFrom('shipments')
        .select(['carrier', 'tracking_number', 'shipped_at', 'delivered_at', 'estimated_at'])
        .where('order_id', '=', order.id)
        .orderBy('position')
        .execute()
    : [];
  const refunds = await tx
    .selectFrom('refunds as r')
    .innerJoin('cases as k', 'k.id', 'r.case_id')
    .select(['k.number', 'r.amount_minor', 'r.currency', 'r.status', 'r.created_at', 'r.settled_at'])
    .where('k.customer_id', '=', c.customer_id)
    .orderBy('r.created_at', 'desc')
    .limit(3)
    .execute();
  const openReturn = await tx
    .selectFrom('cases')
    .select(['number', 'status', 'return_code'])
    .where('customer_id', '=', c.customer_id)
    .where('kind', 'in', [...RETURN_KINDS])
    .where('closed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const policy = await currentPolicy(tx);
  const [article] = await searchKnowledgeBase(tx, c.tenant_id, input.text, {
    language: c.language,
    intent: input.triage.intent.label,
    limit: 1,
  });
  const { calendar } = await loadClockSetting(tx, c.store_id);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    language: c.language,
    timeZone: store?.time_zone ?? 'UTC',
    now: at.toISOString(),
    customerName: customer?.name ?? null,
    order: order
      ? {
          number: order.number,
          placedAt: order.placed_at.toISOString(),
          shipments: shipments.map((s) => ({
            carrier: s.carrier,
            trackingNumber: s.tracking_number,
            shippedAt: iso(s.shipped_at),
            deliveredAt: iso(s.delivered_at),
            estimatedAt: iso(s.estimated_at),
          })),
        }
      : null,
    refunds: refunds.map((r) => ({
      caseNumber: Number(r.number),
      amountMinor: Number(r.amount_minor),
      currency: r.currency,
      // On its way, as the customer sees it; held and failed refunds are a person's to explain.
      status: ON_ITS_WAY.includes(r.status) ? 'pending' : r.status,
      createdAt: r.created_at.toISOString(),
      succeededAt: r.settled_at ? new Date(r.settled_at).toISOString() : null,
      expectedBy:
        r.status === 'succeeded'
          ? null
          : addBusinessDays(calendar, r.created_at, settings.refundBusinessDays).toISOString(),
    })),
    openReturn: openReturn
      ? {
          caseNumber: Number(openReturn.number),
          status: openReturn.status,
          returnCode: openReturn.return_code,
        }
      : null,
    policy: (policy?.document as PolicyDocument | undefined) ?? null,
    article: article
      ? { title: article.article.title, body: article.article.body, score: article.score }
      : null,
    currency: store?.currency ?? 'EUR',
  };
}
