// The incremental part of the analytics benchmark: what a busy day brings after the
// history, written in one transaction with its events as the application would log them —
// new orders (`order.imported`), new return cases on recently delivered orders
// (`case.submitted`, then `case.approved` by the policy), and refunds paid today on cases
// opened weeks ago (`refund.succeeded`): late facts, whose old days must be recomputed.
import { idOf } from './analytics-seed.js';

/**
 * SQL statements (no parameters) appending `cases` cases, half as many new orders (numbered
 * from `firstOrder`, past the history's) and up to `lateRefunds` late refunds.
 */
export function appendStatements({ tenantId, cases, lateRefunds, firstOrder }) {
  const T = `'${tenantId}'`;
  const newOrders = Math.round(cases / 2);
  const last = firstOrder + newOrders - 1;
  return [
    `create temp table bench_append_orders on commit drop as
       select o, (select id from customers where tenant_id = ${T} and external_id = 'C' || (o % 1000)) as customer_id
         from generate_series(${firstOrder}, ${last}) o`,
    `insert into orders (id, tenant_id, store_id, customer_id, external_id, number, status, placed_at, currency, total_minor)
       select ${idOf('order', 'o')}, ${T}, s.id, customer_id, 'O' || o, '#' || o, 'paid', now(), s.currency, 4997
         from bench_append_orders, (select id, currency from stores where tenant_id = ${T} and code = 'eu') s`,
    `insert into order_lines (id, tenant_id, order_id, external_id, position, sku, title, category, attributes, quantity,
         unit_price_minor)
       select ${idOf('line', 'o * 9 + k')}, ${T}, ${idOf('order', 'o')}, 'l' || k, k, 'SKU-' || lpad(((o * 31 + k) % 2000)::text, 4, '0'),
         'Product', 'dresses', '{"supplier": "SUP-01", "batch": "B-new"}', 1, 2499
         from bench_append_orders, generate_series(0, 1) k`,
    `insert into events (tenant_id, stream, stream_id, type, actor_type, data)
       select ${T}, 'order', ${idOf('order', 'o')}, 'order.imported', 'integration', jsonb_build_object('externalId', 'O' || o)
         from bench_append_orders`,
    // The most recently delivered orders that have no case yet.
    `create temp table bench_append_cases on commit drop as
       select o.id as order_id, substr(o.external_id, 2)::bigint as n, o.store_id, o.customer_id, o.currency
         from orders o
        where o.tenant_id = ${T} and o.delivered_at is not null and o.external_id like 'O%'
          and not exists (select 1 from cases c where c.tenant_id = ${T} and c.order_id = o.id)
        order by o.delivered_at desc limit ${cases}`,
    `insert into cases (id, tenant_id, number, kind, status, store_id, customer_id, order_id, language, channel,
         created_by_type, category, return_code, policy_version, refundable_minor, currency, first_response_at)
       select ${idOf('case', 'n')}, ${T}, 1000 + n, 'return', 'awaiting_return', a.store_id, a.customer_id, a.order_id, 'en',
         'web', 'customer', 'after_sales', 'RC' || n, 1, l.quantity * l.unit_price_minor, a.currency, now()
         from bench_append_cases a join order_lines l on l.order_id = a.order_id and l.position = 0`,
    `insert into case_items (id, tenant_id, case_id, order_line_id, sku, quantity, reason_code, goods_minor, refundable_minor)
       select ${idOf('item', 'n * 9')}, ${T}, ${idOf('case', 'n')}, l.id, l.sku, l.quantity,
         (array['size_not_fit','style_not_expected','quality_defect','damaged_in_transit'])[1 + n % 4],
         l.quantity * l.unit_price_minor, l.quantity * l.unit_price_minor
         from bench_append_cases a join order_lines l on l.order_id = a.order_id and l.position = 0`,
    `insert into decisions (id, tenant_id, case_id, policy_version, outcome, result)
       select ${idOf('decision', 'n')}, ${T}, ${idOf('case', 'n')}, 1, 'approve', '{"outcome": "approve"}' from bench_append_cases`,
    `insert into case_clocks (tenant_id, case_id, metric, cycle, state, target, rule, started_at, due_at, warn_at, budget_minutes)
       select ${T}, ${idOf('case', 'n')}, 'resolution', 1, 'active', '{"minutes": 20160}', 'bench: 14 days', now(),
         now() + interval '14 days', now() + interval '13 days', 20160
         from bench_append_cases`,
    `insert into events (tenant_id, stream, stream_id, type, actor_type, data)
       select ${T}, 'case', ${idOf('case', 'n')}, e.type, e.actor, e.data
         from bench_append_cases, (values ('case.submitted', 'customer', '{"kind": "return", "items": 1}'::jsonb),
                                          ('case.approved', 'system', '{"from": "submitted"}'::jsonb)) e (type, actor, data)`,
    // Refunds paid today on returns opened 3 to 8 weeks ago that were still waiting for theirs.
    `create temp table bench_append_refunds on commit drop as
       select c.id as case_id, c.order_id, c.customer_id, c.refundable_minor, c.currency
         from cases c
        where c.tenant_id = ${T} and c.kind = 'return' and c.status in ('awaiting_return', 'received')
          and c.created_at < now() - interval '3 weeks' and c.created_at > now() - interval '8 weeks'
        limit ${lateRefunds}`,
    `insert into refunds (id, tenant_id, case_id, order_id, customer_id, amount_minor, currency, method, status,
         idempotency_key, provider, purpose, settled_at)
       select gen_random_uuid(), ${T}, case_id, order_id, customer_id, refundable_minor, currency, 'original_payment',
         'succeeded', 'bench-late-' || case_id, 'manual', 'refund', now()
         from bench_append_refunds`,
    `update cases c set status = 'refunded', closed_at = now(), solved_at = now(), updated_at = now()
       from bench_append_refunds r where c.id = r.case_id`,
    `insert into events (tenant_id, stream, stream_id, type, actor_type, data)
       select ${T}, 'case', case_id, 'refund.succeeded', 'system', jsonb_build_object('amountMinor', refundable_minor)
         from bench_append_refunds`,
  ];
}
