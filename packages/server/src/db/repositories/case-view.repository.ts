import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../scope.js';

/**
 * A case with everything the API shows of it — items, latest decision, return shipment,
 * refunds, evidence, timeline, links, service-level clocks and rating — in ONE statement, because reading a case by id is
 * the hottest path of every console and portal.
 */
export function findCaseView(tx: Tx, caseId: string) {
  return tx
    .selectFrom('cases as c')
    .selectAll('c')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('case_items as i')
          .select([
            'i.id',
            'i.order_line_id',
            'i.sku',
            'i.quantity',
            'i.reason_code',
            'i.description',
            'i.conditions',
            'i.replacement',
            'i.refundable_minor',
            'i.goods_minor',
            'i.shipping_refund_minor',
          ])
          .whereRef('i.case_id', '=', 'c.id')
          .orderBy('i.id'),
      ).as('items'),
      jsonObjectFrom(
        eb
          .selectFrom('decisions as d')
          .select(['d.result', 'd.policy_version', 'd.outcome'])
          .whereRef('d.case_id', '=', 'c.id')
          .orderBy('d.created_at', 'desc')
          .limit(1),
      ).as('decision'),
      jsonObjectFrom(
        eb
          .selectFrom('return_shipments as s')
          .select(['s.carrier', 's.waybill_number', 's.shipped_at', 's.received_at'])
          .whereRef('s.case_id', '=', 'c.id')
          .orderBy('s.created_at', 'desc')
          .limit(1),
      ).as('return_shipment'),
      jsonArrayFrom(
        eb
          .selectFrom('refunds as r')
          .select([
            'r.id',
            'r.amount_minor',
            'r.currency',
            'r.method',
            'r.provider',
            'r.status',
            'r.last_error',
            'r.created_at',
          ])
          .whereRef('r.case_id', '=', 'c.id')
          .orderBy('r.created_at'),
      ).as('refunds'),
      jsonArrayFrom(
        eb
          .selectFrom('evidence_files as f')
          .select(['f.id', 'f.content_type', 'f.size_bytes', 'f.case_item_id'])
          .whereRef('f.case_id', '=', 'c.id')
          .orderBy('f.created_at'),
      ).as('evidence'),
      jsonArrayFrom(
        eb
          .selectFrom('events as e')
          .select(['e.id', 'e.type', 'e.created_at', 'e.actor_type', 'e.actor_id', 'e.reason', 'e.data'])
          .whereRef('e.stream_id', '=', 'c.id')
          .where('e.stream', '=', 'case')
          .orderBy('e.id'),
      ).as('timeline'),
      jsonArrayFrom(
        eb
          .selectFrom('case_links as l')
          .select(['l.linked_case_id', 'l.relation'])
          .whereRef('l.case_id', '=', 'c.id')
          .orderBy('l.created_at'),
      ).as('links'),
      jsonArrayFrom(
        eb
          .selectFrom('case_clocks as k')
          .select([
            'k.metric',
            'k.cycle',
            'k.state',
            'k.rule',
            'k.started_at',
            'k.due_at',
            'k.warn_at',
            'k.remaining_minutes',
            'k.completed_at',
          ])
          .whereRef('k.case_id', '=', 'c.id')
          .orderBy('k.started_at')
          .orderBy('k.metric'),
      ).as('clocks'),
      // The rating counted for the case: a portal rating or an answered survey, the latest.
      jsonObjectFrom(
        eb
          .selectFrom('surveys as v')
          .select(['v.score', 'v.comment', 'v.answered_at'])
          .whereRef('v.case_id', '=', 'c.id')
          .where('v.answered_at', 'is not', null)
          .orderBy('v.answered_at', 'desc')
          .limit(1),
      ).as('rating'),
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}
export type CaseViewRow = NonNullable<Awaited<ReturnType<typeof findCaseView>>>;
