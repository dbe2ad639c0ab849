import { RESOLVED_STATUSES } from '@afterdesk/core';
import { FAMILY_COLUMNS, type Family, REAL_COLUMNS } from './rollup-lattice.js';

/**
 * The facts behind the rollups, as SQL over the `_rollup_buckets` temporary table (tenant,
 * store, store-local day and its [lo, hi) instants): every raw row whose own moment falls
 * in a bucket, with its dimensions and what it adds. Each family's facts become a
 * temporary table the family's rollups are grouped from. No caller input reaches this
 * SQL: it only reads the buckets table. Definitions: docs/metrics.md.
 */

/** The bucket of cases without a store. */
export const NO_STORE = '00000000-0000-0000-0000-000000000000';
const NIL = `'${NO_STORE}'::uuid`;

/** Case kinds whose items count as returned units: the goods or the money go back. */
export const RETURN_KINDS = ['return', 'exchange', 'refund_only'] as const;
/** Case kinds that count as complaints (R-10.4). */
export const COMPLAINT_KINDS = ['complaint', 'dispute'] as const;
/** A complaint repeats when the customer complained within this many days before. */
export const REPEAT_WINDOW_DAYS = 90;
/** Events that record a decision on a return request; the first one per case counts. */
export const DECISION_EVENTS = ['case.approved', 'case.rejected'] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// The country of a fact: where the order ships, else the customer's, else the store's.
const COUNTRY = `coalesce(nullif(o.shipping_address->>'country', ''), cu.country::text, st.country::text, '')`;
const CASE_JOINS = `join customers cu on cu.id = c.customer_id
  left join orders o on o.id = c.order_id
  left join stores st on st.id = c.store_id`;
/** The first and last instant of the buckets being recomputed, as ISO strings. */
export interface Span {
  lo: string;
  hi: string;
}
// The span repeated as literals lets the planner see how little of a table the buckets
// keep (it cannot estimate the join on b.lo and b.hi), so it reads by index instead of
// scanning whole tables: 4× faster on ten million case items (bench/README.md).
const IN_BUCKET = (span: Span | undefined, column: string) =>
  `${column} >= b.lo and ${column} < b.hi${span ? ` and ${column} >= '${span.lo}' and ${column} < '${span.hi}'` : ''}`;
const CASE_IN_STORE = `coalesce(c.store_id, ${NIL}) = b.store_id`;

function sales(span?: Span): string {
  const lines = (moment: string, sold: boolean) => `
    select b.tenant_id, b.day, b.store_id, ${COUNTRY} as country, coalesce(l.category, '') as category, l.sku,
           coalesce(l.attributes->>'supplier', '') as supplier, coalesce(l.attributes->>'batch', '') as batch,
           ${sold ? 'o.id' : 'null::uuid'} as sold_order, ${sold ? 'null::uuid' : 'o.id'} as delivered_order,
           ${sold ? 'l.quantity' : '0'}::bigint as units_sold, ${sold ? '0' : 'l.quantity'}::bigint as units_delivered
      from _rollup_buckets b
      join orders o on o.tenant_id = b.tenant_id and o.store_id = b.store_id and ${IN_BUCKET(span, moment)} and not o.credit_note
      join order_lines l on l.order_id = o.id
      join customers cu on cu.id = o.customer_id
      join stores st on st.id = o.store_id`;
  return `${lines('o.placed_at', true)}\n    union all${lines('o.delivered_at', false)}`;
}

function returns(span?: Span): string {
  const counted = `c.kind in (${list(RETURN_KINDS)}) and c.status not in ('rejected', 'cancelled')`;
  return `
    select b.tenant_id, b.day, b.store_id, ${COUNTRY} as country, coalesce(l.category, '') as category, i.sku,
           coalesce(l.attributes->>'supplier', '') as supplier, coalesce(l.attributes->>'batch', '') as batch,
           i.reason_code as reason, c.kind, '' as currency, c.id as case_id,
           case when ${counted} then l.order_id end as returned_order,
           i.quantity::bigint as units, (case when ${counted} then i.quantity else 0 end)::bigint as units_returned,
           0::bigint as refunded_minor
      from _rollup_buckets b
      join cases c on c.tenant_id = b.tenant_id and ${CASE_IN_STORE} and ${IN_BUCKET(span, 'c.created_at')}
      join case_items i on i.case_id = c.id
      join order_lines l on l.id = i.order_line_id
      ${CASE_JOINS}
    union all
    select b.tenant_id, b.day, b.store_id, ${COUNTRY}, coalesce(l.category, ''), l.sku,
           coalesce(l.attributes->>'supplier', ''), coalesce(l.attributes->>'batch', ''),
           '', 'credit_note', '', null::uuid, o.id, l.quantity::bigint, l.quantity::bigint, 0::bigint
      from _rollup_buckets b
      join orders o on o.tenant_id = b.tenant_id and o.store_id = b.store_id and ${IN_BUCKET(span, 'o.placed_at')} and o.credit_note
      join order_lines l on l.order_id = o.id
      join customers cu on cu.id = o.customer_id
      join stores st on st.id = o.store_id
    union all
    select tenant_id, day, store_id, country, coalesce(category, ''), coalesce(sku, ''),
           coalesce(attributes->>'supplier', ''), coalesce(attributes->>'batch', ''), coalesce(reason_code, ''),
           coalesce(kind, ''), currency, null::uuid, null::uuid, 0::bigint, 0::bigint,
           share + case when rn = 1 then amount_minor - sum(share) over (partition by id) else 0 end
      from (
        select w.*, row_number() over (partition by w.id order by w.item_id) as rn,
               case when w.weight is null then w.amount_minor
                    else floor(w.amount_minor * w.weight / sum(w.weight) over (partition by w.id))::bigint end as share
          from (
            select p.*, i.id as item_id, i.sku, i.reason_code, l.category, l.attributes,
                   (case when sum(i.refundable_minor) over (partition by p.id) > 0 then i.refundable_minor
                         else i.quantity end)::numeric as weight
              from (${paidRefunds(span, `c.kind, ${COUNTRY} as country`)}) p
              left join case_items i on i.case_id = p.case_id
              left join order_lines l on l.id = i.order_line_id
          ) w
      ) allocated`;
}

// Refunds paid in a bucket, in the store of their case (else of their order).
function paidRefunds(span: Span | undefined, columns: string): string {
  return `
    select b.tenant_id, b.day, b.store_id, r.id, r.amount_minor, r.currency::text as currency, r.case_id,
           r.settled_at, ${columns}
      from _rollup_buckets b
      join refunds r on r.tenant_id = b.tenant_id and r.status = 'succeeded' and ${IN_BUCKET(span, 'r.settled_at')}
      left join cases c on c.id = r.case_id
      left join orders o on o.id = coalesce(r.order_id, c.order_id)
      left join customers cu on cu.id = coalesce(c.customer_id, o.customer_id, r.customer_id)
      left join stores st on st.id = coalesce(c.store_id, o.store_id)
     where (case when c.id is not null then coalesce(c.store_id, ${NIL}) else coalesce(o.store_id, ${NIL}) end) = b.store_id`;
}

function service(span?: Span): string {
  const dims = (agent = `coalesce(c.assignee_id::text, '')`, currency = `''`) =>
    `b.tenant_id, b.day, b.store_id, ${COUNTRY} as country, coalesce(c.channel, '') as channel,
     coalesce(c.kind, '') as kind, coalesce(c.team_id::text, '') as team, ${agent} as agent, ${currency} as currency`;
  const sums = (values: Record<string, string>) =>
    FAMILY_COLUMNS.service.map((col) => `(${values[col] ?? '0'})::${realOrInt(col)} as ${col}`).join(', ');
  const complaint = (alias: string) => `${alias}.kind in (${list(COMPLAINT_KINDS)})`;
  const minutes = `extract(epoch from k.completed_at - k.started_at) / 60`;
  return `
    select ${dims()}, ${sums({
      cases: '1',
      cases_resolved: `(c.status in (${list(RESOLVED_STATUSES)}))::int`,
      complaints: `(${complaint('c')})::int`,
      repeat_complaints: `(${complaint('c')} and exists (select 1 from cases p
          where p.tenant_id = c.tenant_id and p.customer_id = c.customer_id and ${complaint('p')} and p.id <> c.id
            and p.created_at < c.created_at and p.created_at >= c.created_at - interval '${REPEAT_WINDOW_DAYS} days'))::int`,
    })}
      from _rollup_buckets b
      join cases c on c.tenant_id = b.tenant_id and ${CASE_IN_STORE} and ${IN_BUCKET(span, 'c.created_at')}
      ${CASE_JOINS}
    union all
    select ${dims()}, ${sums({
      decisions: '1',
      auto_approvals: `(e.type = 'case.approved' and e.actor_type = 'system')::int`,
      decision_seconds: 'greatest(extract(epoch from e.created_at - c.created_at), 0)',
    })}
      from _rollup_buckets b
      join events e on e.tenant_id = b.tenant_id and e.type in (${list(DECISION_EVENTS)}) and ${IN_BUCKET(span, 'e.created_at')}
      join cases c on c.id = e.stream_id and ${CASE_IN_STORE}
      ${CASE_JOINS}
     where not exists (select 1 from events f
                        where f.stream_id = e.stream_id and f.type in (${list(DECISION_EVENTS)}) and f.id < e.id)
    union all
    select tenant_id, day, store_id, country, coalesce(channel, ''), coalesce(kind, ''), coalesce(team, ''),
           coalesce(agent, ''), currency, ${sums({
             refunds: '1',
             refunds_timed: 'has_case::int',
             refund_seconds: 'coalesce(greatest(extract(epoch from settled_at - case_created_at), 0), 0)',
             refunded_minor: 'amount_minor',
           })}
      from (${paidRefunds(
        span,
        `${COUNTRY} as country, c.channel, c.kind, c.team_id::text as team,
                           c.assignee_id::text as agent, c.created_at as case_created_at, c.id is not null as has_case`,
      )}) p
    union all
    select ${dims()}, ${sums({
      first_responses: `(k.metric = 'first_response')::int`,
      first_response_minutes: `case when k.metric = 'first_response' then ${minutes} else 0 end`,
      resolutions: `(k.metric = 'resolution')::int`,
      resolution_minutes: `case when k.metric = 'resolution' then ${minutes} else 0 end`,
      sla_hit: `(k.state = 'hit')::int`,
      sla_missed: `(k.state = 'missed')::int`,
    })}
      from _rollup_buckets b
      join case_clocks k on k.tenant_id = b.tenant_id and k.metric in ('first_response', 'next_response', 'resolution')
                        and ${IN_BUCKET(span, 'k.completed_at')}
      join cases c on c.id = k.case_id and ${CASE_IN_STORE}
      ${CASE_JOINS}
    union all
    select ${dims()}, ${sums({ sla_missed: '1' })}
      from _rollup_buckets b
      join case_clocks k on k.tenant_id = b.tenant_id and k.metric in ('first_response', 'next_response', 'resolution')
                        and ${IN_BUCKET(span, 'k.breached_at')} and k.completed_at is null and k.state = 'missed'
      join cases c on c.id = k.case_id and ${CASE_IN_STORE}
      ${CASE_JOINS}
    union all
    select ${dims(`coalesce(s.agent_id::text, c.assignee_id::text, '')`)}, ${sums({
      csat_responses: '1',
      csat_sum: 's.score',
      csat_satisfied: '(s.score >= 4)::int',
    })}
      from _rollup_buckets b
      join surveys s on s.tenant_id = b.tenant_id and ${IN_BUCKET(span, 's.answered_at')} and s.score is not null
      join cases c on c.id = s.case_id and ${CASE_IN_STORE}
      ${CASE_JOINS}
    union all
    select ${dims()}, ${sums({ sentiment_messages: '1', sentiment_sum: 'm.sentiment' })}
      from _rollup_buckets b
      join messages m on m.tenant_id = b.tenant_id and m.direction = 'inbound' and m.sentiment is not null
                     and ${IN_BUCKET(span, 'm.created_at')}
      join cases c on c.id = m.case_id and ${CASE_IN_STORE}
      ${CASE_JOINS}`;
}

function reviews(span?: Span): string {
  return `
    select b.tenant_id, b.day, b.store_id, ${COUNTRY} as country,
           1::bigint as reviews, v.score::bigint as review_score_sum, (v.score <= 2)::int::bigint as negative_reviews,
           (v.sentiment is not null)::int::bigint as review_sentiments,
           coalesce(v.sentiment, 0)::double precision as review_sentiment_sum
      from _rollup_buckets b
      join order_reviews v on v.tenant_id = b.tenant_id and ${IN_BUCKET(span, 'v.reviewed_at')}
      join orders o on o.id = v.order_id and o.store_id = b.store_id
      join customers cu on cu.id = o.customer_id
      join stores st on st.id = o.store_id`;
}

function realOrInt(column: string): string {
  return REAL_COLUMNS.has(column) ? 'double precision' : 'bigint';
}

/** The SELECT of each family's facts within the buckets. */
export const FACTS_SQL: Record<Family, (span?: Span) => string> = { sales, returns, service, reviews };

/**
 * How each family's table columns are aggregated from its facts. Distinct counts are exact
 * per table row because every table is grouped from the facts, never from another table
 * with finer keys (an order counts once per row it has lines in).
 */
export const FACT_AGGREGATES: Record<Family, Record<string, string>> = {
  sales: {
    orders: 'count(distinct sold_order)',
    units_sold: 'sum(units_sold)',
    orders_delivered: 'count(distinct delivered_order)',
    units_delivered: 'sum(units_delivered)',
  },
  returns: {
    units: 'sum(units)',
    units_returned: 'sum(units_returned)',
    orders_returned: 'count(distinct returned_order)',
    cases: 'count(distinct case_id)',
    refunded_minor: 'sum(refunded_minor)',
  },
  service: Object.fromEntries(FAMILY_COLUMNS.service.map((c) => [c, `sum(${c})`])),
  reviews: Object.fromEntries(FAMILY_COLUMNS.reviews.map((c) => [c, `sum(${c})`])),
};
