// The SQL of one case creation (return, one item, approved automatically, return code
// issued), written by hand and sent from a plain `pg` Pool: no HTTP, no Kysely, no policy
// engine. These are the 18 statements create-case.ts sent when the benchmark was written
// (begin; set_config; order; lines; policy; claimed quantities; insert case, item, decision,
// 2 events; approve = update + event; return-code check; return shipment; issue label =
// update + event; case view; commit). The service has since been changing; the replay
// baseline (bare-sql-replay.js) always sends what it sends today, and
// `node bench/trace.js` lists it.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { percentiles } from './stats.js';

const SELECT_ORDER = `select o.id, o.external_id, o.number, o.status, o.placed_at, o.currency, o.shipping_minor,
  o.total_minor, o.delivered_at, o.customer_id, o.store_id, s.code as store_code, s.time_zone,
  s.currency as store_currency, c.blocked as customer_blocked, c.language as customer_language,
  c.email as customer_email, c.name as customer_name
from orders o join stores s on s.id = o.store_id join customers c on c.id = o.customer_id where o.id = $1`;

// Like the service: one placeholder per line id, then the two excluded statuses.
function claimedSql(lineCount) {
  const lines = Array.from({ length: lineCount }, (_, i) => `$${i + 1}`).join(', ');
  return `select ci.order_line_id, sum(ci.quantity)::int as quantity
from case_items ci join cases c on c.id = ci.case_id
where ci.order_line_id in (${lines}) and c.status not in ($${lineCount + 1}, $${lineCount + 2}) group by ci.order_line_id`;
}

const INSERT_CASE = `insert into cases (id, tenant_id, kind, status, store_id, customer_id, order_id, language, channel,
  description, policy_version, refundable_minor, currency, created_by_type, created_by_id)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning number`;

const INSERT_ITEM = `insert into case_items (id, tenant_id, case_id, order_line_id, sku, quantity, reason_code, description,
  conditions, replacement, goods_minor, shipping_refund_minor, refundable_minor)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

const INSERT_DECISION = `insert into decisions (id, tenant_id, case_id, policy_version, outcome, result) values ($1, $2, $3, $4, $5, $6)`;

const INSERT_EVENT = `insert into events (tenant_id, stream, stream_id, type, actor_type, actor_id, reason, data)
values ($1, $2, $3, $4, $5, $6, $7, $8)`;
const INSERT_TWO_EVENTS = `${INSERT_EVENT}, ($9, $10, $11, $12, $13, $14, $15, $16)`;

const UPDATE_STATUS = `update cases set status = $1, version = $2, updated_at = now() where id = $3 and version = $4`;
const UPDATE_STATUS_CODE = `update cases set status = $1, version = $2, return_code = $3, updated_at = now() where id = $4 and version = $5`;
const CODE_TAKEN = `select id from cases where return_code = $1`;
const INSERT_SHIPMENT = `insert into return_shipments (id, tenant_id, case_id, carrier, waybill_number) values ($1, $2, $3, $4, $5)`;

// The same six correlated subselects as case-view.repository.ts.
export const CASE_VIEW = `select c.*,
  (select coalesce(json_agg(agg), '[]') from (select i.id, i.order_line_id, i.sku, i.quantity, i.reason_code, i.description,
     i.conditions, i.replacement, i.refundable_minor, i.goods_minor, i.shipping_refund_minor
     from case_items i where i.case_id = c.id order by i.id) agg) as items,
  (select to_json(obj) from (select d.result, d.policy_version, d.outcome from decisions d where d.case_id = c.id
     order by d.created_at desc limit 1) obj) as decision,
  (select to_json(obj) from (select s.carrier, s.waybill_number, s.shipped_at, s.received_at from return_shipments s
     where s.case_id = c.id order by s.created_at desc limit 1) obj) as return_shipment,
  (select coalesce(json_agg(agg), '[]') from (select r.id, r.amount_minor, r.currency, r.method, r.status, r.created_at
     from refunds r where r.case_id = c.id order by r.created_at) agg) as refunds,
  (select coalesce(json_agg(agg), '[]') from (select f.id, f.content_type, f.size_bytes, f.case_item_id
     from evidence_files f where f.case_id = c.id order by f.created_at) agg) as evidence,
  (select coalesce(json_agg(agg), '[]') from (select e.id, e.type, e.created_at, e.actor_type, e.actor_id, e.reason, e.data
     from events e where e.stream_id = c.id and e.stream = 'case' order by e.id) agg) as timeline
from cases c where c.id = $1`;

const CONDITIONS = ['unused', 'original_packaging', 'accessories_complete', 'resalable'];
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function returnCode() {
  const b = randomBytes(8);
  const s = [...b].map((x) => CODE_ALPHABET[x & 31]).join('');
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Number of statements (round trips) sent by one `createCaseBare`, begin and commit included. */
/** One case creation in one transaction; returns the number of statements it sent. */
export async function createCaseBare(client, { tenantId, actorId, slot, decision }) {
  let n = 0;
  const q = (text, values) => {
    n += 1;
    return client.query(text, values);
  };
  await q('begin');
  try {
    await q(`select set_config('role', 'afterdesk_app', true), set_config('app.tenant_id', $1, true)`, [
      tenantId,
    ]);
    const order = (await q(SELECT_ORDER, [slot.orderId])).rows[0];
    if (!order) throw new Error(`order ${slot.orderId} not found`);
    const lines = (await q('select * from order_lines where order_id = $1 order by position', [slot.orderId]))
      .rows;
    const policy = (await q('select version, document from policies order by version desc limit $1', [1]))
      .rows[0];
    await q(claimedSql(lines.length), [...lines.map((l) => l.id), 'cancelled', 'rejected']);
    const line = lines.find((l) => l.id === slot.lineId);
    // The policy engine runs here in the service; the baseline stores a decision of the same shape and size.
    const result = JSON.stringify(decision);
    const caseId = randomUUID();
    await q(INSERT_CASE, [
      caseId,
      tenantId,
      'return',
      'submitted',
      order.store_id,
      order.customer_id,
      order.id,
      order.customer_language ?? 'en',
      'api',
      null,
      policy.version,
      304,
      'EUR',
      'integration',
      actorId,
    ]);
    await q(INSERT_ITEM, [
      randomUUID(),
      tenantId,
      caseId,
      line.id,
      line.sku,
      1,
      'no_reason',
      null,
      CONDITIONS,
      null,
      999,
      0,
      999,
    ]);
    await q(INSERT_DECISION, [randomUUID(), tenantId, caseId, policy.version, 'approve', result]);
    await q(INSERT_TWO_EVENTS, [
      tenantId,
      'case',
      caseId,
      'case.submitted',
      'integration',
      actorId,
      null,
      JSON.stringify({ kind: 'return', orderId: order.id, items: 1 }),
      tenantId,
      'case',
      caseId,
      'case.decided',
      'system',
      null,
      null,
      JSON.stringify({ outcome: 'approve', policyVersion: policy.version }),
    ]);
    const updated = await q(UPDATE_STATUS, ['approved', 2, caseId, 1]);
    if (updated.rowCount !== 1) throw new Error('version conflict');
    await q(INSERT_EVENT, [
      tenantId,
      'case',
      caseId,
      'case.approved',
      'system',
      null,
      'Approved automatically by the return policy.',
      JSON.stringify({ from: 'submitted', to: 'approved' }),
    ]);
    let code = returnCode();
    while ((await q(CODE_TAKEN, [code])).rows.length > 0) code = returnCode();
    const waybill = `AD${randomBytes(5).readUIntBE(0, 5).toString().padStart(11, '0').slice(0, 11)}`;
    await q(INSERT_SHIPMENT, [randomUUID(), tenantId, caseId, 'self_ship', waybill]);
    const labelled = await q(UPDATE_STATUS_CODE, ['awaiting_return', 3, code, caseId, 2]);
    if (labelled.rowCount !== 1) throw new Error('version conflict');
    await q(INSERT_EVENT, [
      tenantId,
      'case',
      caseId,
      'case.label_issued',
      'system',
      null,
      null,
      JSON.stringify({
        from: 'approved',
        to: 'awaiting_return',
        returnCode: code,
        waybillNumber: waybill,
        carrier: 'self_ship',
      }),
    ]);
    const view = (await q(CASE_VIEW, [caseId])).rows[0];
    if (!view) throw new Error('case view empty');
    await q('commit');
    return n;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

/**
 * `concurrency` callers loop over `transaction(client, args)` (default `createCaseBare`) for
 * `durationS` seconds on one pg.Pool of `poolSize` connections (the service's pool size).
 * Latency includes the wait for a pooled connection, as in the service. Slots come from `nextSlot()`.
 * `meter`: optional () => { stop() } measuring CPU over the run (see cpu.js).
 */
export async function runBareSql({
  url,
  poolSize,
  concurrency,
  durationS,
  tenantId,
  actorId,
  nextSlot,
  decision,
  transaction = createCaseBare,
  meter,
}) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const latencies = [];
  const perSecond = new Map();
  let errors = 0;
  let statements = 0;
  const errorSamples = [];
  const started = performance.now();
  const deadline = started + durationS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const client = await pool.connect();
      try {
        statements = await transaction(client, { tenantId, actorId, slot: nextSlot(), decision });
        const t1 = performance.now();
        latencies.push(t1 - t0);
        const second = Math.floor((t1 - started) / 1000);
        perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(String(error?.message ?? error));
      } finally {
        client.release();
      }
    }
  };
  // CPU is read before the pool closes: the backends' time vanishes from /proc when they exit.
  const cpu = meter?.();
  let cpuCores = null;
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    cpuCores = cpu?.stop() ?? null;
  } finally {
    await pool.end();
  }
  const elapsedS = (performance.now() - started) / 1000;
  // Mean over whole seconds only, like autocannon's req/s average.
  const full = [...perSecond.entries()].filter(([s]) => s < Math.floor(durationS)).map(([, c]) => c);
  const p = percentiles(latencies, [50, 90, 99]);
  return {
    concurrency,
    poolSize,
    durationS: elapsedS,
    transactionsTotal: latencies.length,
    txPerSecMean: full.length ? full.reduce((a, b) => a + b, 0) / full.length : latencies.length / elapsedS,
    latencyMs: {
      mean: latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1),
      p50: p[50],
      p90: p[90],
      p99: p[99],
      max: Math.max(0, ...latencies),
    },
    statementsPerTransaction: statements,
    errors,
    errorSamples,
    cpuCores,
  };
}
