import { RELEASING_STATUSES, RETURN_KINDS } from '@afterdesk/core';
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../scope.js';

/** Where a page of decided cases ended: newest first, by (created_at, id). */
export interface DecidedCursor {
  createdAt: Date;
  id: string;
}

/**
 * Requests filed since `from` with the policy's first decision on them and the items as
 * the customer asked for them (evidence counted per item): what a decision is replayed
 * from. Newest first, keyset-paged on cases_recent.
 */
export function decidedCases(
  tx: Tx,
  range: { from: Date; after?: DecidedCursor | undefined; limit: number },
) {
  let q = tx
    .selectFrom('cases as c')
    .select((eb) => [
      'c.id',
      'c.number',
      'c.kind',
      'c.order_id',
      'c.language',
      'c.created_at',
      jsonObjectFrom(
        eb
          .selectFrom('decisions as d')
          .select(['d.outcome', 'd.result'])
          .whereRef('d.case_id', '=', 'c.id')
          .orderBy('d.created_at')
          .limit(1),
      ).as('decision'),
      jsonArrayFrom(
        eb
          .selectFrom('case_items as i')
          .select((ie) => [
            'i.order_line_id',
            'i.quantity',
            'i.reason_code',
            'i.conditions',
            'i.replacement',
            ie
              .selectFrom('evidence_files as f')
              .select(sql<number>`count(*)::int`.as('n'))
              .whereRef('f.case_id', '=', 'c.id')
              .whereRef('f.case_item_id', '=', 'i.id')
              .as('evidence_count'),
          ])
          .whereRef('i.case_id', '=', 'c.id')
          .orderBy('i.id'),
      ).as('items'),
    ])
    .where('c.created_at', '>=', range.from)
    .where('c.kind', 'in', [...RETURN_KINDS])
    .where('c.order_id', 'is not', null)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('decisions as d').select(sql`1`.as('one')).whereRef('d.case_id', '=', 'c.id')),
    )
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(range.limit);
  if (range.after)
    q = q.where(
      sql<boolean>`(c.created_at, c.id) < (${range.after.createdAt}::timestamptz, ${range.after.id}::uuid)`,
    );
  return q.execute();
}

/**
 * Units of each requested line claimed by the order's other cases filed before the case:
 * the `alreadyClaimed` its decision saw. Cases that since gave their units back are left
 * out, as they are today.
 */
export async function claimsBefore(tx: Tx, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return tx
    .selectFrom((db) =>
      db
        .selectFrom('case_items as ci')
        .innerJoin('cases as c', 'c.id', 'ci.case_id')
        .select(['ci.case_id', 'ci.order_line_id', 'c.created_at'])
        .distinct()
        .where('ci.case_id', 'in', caseIds)
        .as('r'),
    )
    .innerJoin('case_items as o', (join) =>
      join.onRef('o.order_line_id', '=', 'r.order_line_id').onRef('o.case_id', '<>', 'r.case_id'),
    )
    .innerJoin('cases as oc', 'oc.id', 'o.case_id')
    .select(['r.case_id', 'r.order_line_id', sql<number>`sum(o.quantity)::int`.as('claimed')])
    .whereRef('oc.created_at', '<', 'r.created_at')
    .where('oc.status', 'not in', [...RELEASING_STATUSES])
    .groupBy(['r.case_id', 'r.order_line_id'])
    .execute();
}
