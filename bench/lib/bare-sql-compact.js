// What-if baseline: the same case creation — same reads, same rows written, same final
// state — in 4 round trips instead of 18. It answers "how much of the cost is the number of
// round trips?" and sketches the shape a leaner create-case could take:
//   1. begin + set_config, one simple-protocol message;
//   2. order, store, customer, lines, current policy and claimed quantities in ONE select;
//   3. the case in its final state (awaiting_return, version 3, return code), its item,
//      decision, return shipment and all four events in ONE statement (data-modifying CTEs);
//      a taken return code makes the insert a no-op (ON CONFLICT on the unique index) and the
//      caller draws again — no separate uniqueness query;
//   4. commit.
// The response can be assembled from what was written plus the returned number/timestamps,
// so the case view is not read back.
import { randomBytes, randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const READ_BUNDLE = `select o.id, o.status, o.placed_at, o.currency, o.shipping_minor, o.total_minor, o.delivered_at,
  o.customer_id, o.store_id, s.code as store_code, s.time_zone, s.currency as store_currency,
  c.blocked as customer_blocked, c.language as customer_language,
  (select json_agg(l order by l.position) from order_lines l where l.order_id = o.id) as lines,
  (select json_build_object('version', p.version, 'document', p.document) from policies p order by p.version desc limit 1) as policy,
  (select coalesce(json_object_agg(x.order_line_id, x.quantity), '{}') from (
     select ci.order_line_id, sum(ci.quantity)::int as quantity from case_items ci join cases k on k.id = ci.case_id
     where ci.order_line_id in (select l.id from order_lines l where l.order_id = o.id) and k.status not in ('cancelled', 'rejected')
     group by ci.order_line_id) x) as claimed
from orders o join stores s on s.id = o.store_id join customers c on c.id = o.customer_id where o.id = $1`;

// $1 case id, $2 tenant, $3 store, $4 customer, $5 order, $6 language, $7 policy version, $8 refundable,
// $9 currency, $10 actor id, $11 return code, $12 item id, $13 line id, $14 sku, $15 conditions,
// $16 decision id, $17 decision json, $18 shipment id, $19 waybill, $20..$23 event data, $24 approve reason
const WRITE_BUNDLE = `with c as (
  insert into cases (id, tenant_id, kind, status, version, store_id, customer_id, order_id, language, channel, description,
    policy_version, refundable_minor, currency, created_by_type, created_by_id, return_code)
  values ($1, $2, 'return', 'awaiting_return', 3, $3, $4, $5, $6, 'api', null, $7, $8, $9, 'integration', $10, $11)
  on conflict (tenant_id, return_code) where return_code is not null do nothing
  returning id, number, created_at
), i as (
  insert into case_items (id, tenant_id, case_id, order_line_id, sku, quantity, reason_code, description, conditions, replacement,
    goods_minor, shipping_refund_minor, refundable_minor)
  select $12, $2, c.id, $13, $14, 1, 'no_reason', null, $15, null, 999, 0, 999 from c
), d as (
  insert into decisions (id, tenant_id, case_id, policy_version, outcome, result) select $16, $2, c.id, $7, 'approve', $17 from c
), s as (
  insert into return_shipments (id, tenant_id, case_id, carrier, waybill_number) select $18, $2, c.id, 'self_ship', $19 from c
), e as (
  insert into events (tenant_id, stream, stream_id, type, actor_type, actor_id, reason, data)
  select $2, 'case', c.id, v.type, v.actor_type, v.actor_id, v.reason, v.data::jsonb
  from c, (values (1, 'case.submitted', 'integration', $10, null::text, $20),
                  (2, 'case.decided', 'system', null, null, $21),
                  (3, 'case.approved', 'system', null, $24, $22),
                  (4, 'case.label_issued', 'system', null, null, $23)) as v(n, type, actor_type, actor_id, reason, data)
  order by v.n
  returning id, type, created_at
)
select c.number, c.created_at, (select json_agg(e order by e.id) from e) as timeline from c`;

const CONDITIONS = ['unused', 'original_packaging', 'accessories_complete', 'resalable'];
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const returnCode = () => {
  const s = [...randomBytes(8)].map((x) => CODE_ALPHABET[x & 31]).join('');
  return `${s.slice(0, 4)}-${s.slice(4)}`;
};

export async function createCaseCompact(client, { tenantId, actorId, slot, decision }) {
  if (!UUID.test(tenantId)) throw new Error('tenant id must be a uuid');
  let n = 0;
  const q = (text, values) => {
    n += 1;
    return client.query(text, values);
  };
  await q(
    `begin; select set_config('role', 'afterdesk_app', true), set_config('app.tenant_id', '${tenantId}', true)`,
  );
  try {
    const order = (await q(READ_BUNDLE, [slot.orderId])).rows[0];
    if (!order) throw new Error(`order ${slot.orderId} not found`);
    const line = order.lines.find((l) => l.id === slot.lineId);
    const result = JSON.stringify(decision);
    const policyVersion = order.policy.version;
    let row;
    do {
      const caseId = randomUUID();
      const code = returnCode();
      const waybill = `AD${randomBytes(5).readUIntBE(0, 5).toString().padStart(11, '0').slice(0, 11)}`;
      row = (
        await q(WRITE_BUNDLE, [
          caseId,
          tenantId,
          order.store_id,
          order.customer_id,
          order.id,
          order.customer_language ?? 'en',
          policyVersion,
          304,
          'EUR',
          actorId,
          code,
          randomUUID(),
          line.id,
          line.sku,
          CONDITIONS,
          randomUUID(),
          result,
          randomUUID(),
          waybill,
          JSON.stringify({ kind: 'return', orderId: order.id, items: 1 }),
          JSON.stringify({ outcome: 'approve', policyVersion }),
          JSON.stringify({ from: 'submitted', to: 'approved' }),
          JSON.stringify({
            from: 'approved',
            to: 'awaiting_return',
            returnCode: code,
            waybillNumber: waybill,
            carrier: 'self_ship',
          }),
          'Approved automatically by the return policy.',
        ])
      ).rows[0];
    } while (!row);
    if (row.timeline?.length !== 4) throw new Error('events not written');
    await q('commit');
    return n;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
