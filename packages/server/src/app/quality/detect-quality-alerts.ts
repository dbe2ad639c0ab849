import { randomUUID } from 'node:crypto';
import {
  type ClusterOptions,
  type ComplaintCounts,
  detectComplaintClusters,
  detectSpikes,
  PRODUCT_COMPLAINT_INTENTS,
  PRODUCT_COMPLAINT_REASONS,
  type SpikeOptions,
} from '@afterdesk/core';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { QualityAlertsTable } from '../../db/schema-quality.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { type Dimension, type MeasureQuery, queryMeasures } from '../analytics/measures.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { type AlertSubjectType, sampleComments, skusOf, topReturnReasons } from './alert-evidence.js';
import { addDays, isDay, lastCompleteWeek, mondayOf } from './weeks.js';

export interface DetectAlertsOptions {
  /** The Monday of the week to test. Default: the last complete week. */
  week?: string;
  /** Weeks before it that make the baseline. Default 12. */
  baselineWeeks?: number;
  spike?: SpikeOptions;
  cluster?: ClusterOptions;
}

type Period = { from: string; to: string };
type Counts = { returned: number; delivered: number };
const SPIKE_SUBJECTS: readonly AlertSubjectType[] = ['sku', 'batch', 'supplier', 'category'];

/**
 * Tests one week of the tenant for return-rate spikes of every SKU, batch, supplier and
 * category, and for product complaints clustering on a SKU (R-13.2), and stores what
 * alarms as `quality_alerts`, one row per kind, subject and week: a rerun refreshes the
 * figures and keeps the status. Methods: docs/quality.md.
 */
export async function detectQualityAlerts(ctx: Ctx, options: DetectAlertsOptions = {}) {
  requirePermission(ctx, 'measures:read');
  const week = options.week ?? lastCompleteWeek(ctx.clock());
  if (!isDay(week) || mondayOf(week) !== week)
    throw invalid('The week is named by its Monday.', [
      { field: '/week', message: 'Must be a Monday, YYYY-MM-DD.' },
    ]);
  const window: Period = { from: week, to: addDays(week, 7) };
  const baseline: Period = { from: addDays(week, -7 * (options.baselineWeeks ?? 12)), to: week };
  const tenantId = ctx.principal.tenantId;

  const units = (period: Period, groupBy: MeasureQuery['groupBy']) =>
    queryMeasures(ctx, { ...period, groupBy, measures: ['units_returned', 'units_delivered'] }).then((r) =>
      r.rows.map((row) => ({
        key: row.key,
        returned: Number(row.values.units_returned ?? 0),
        delivered: Number(row.values.units_delivered ?? 0),
      })),
    );
  const byKey = (
    rows: Array<{ key: Partial<Record<string, string>>; returned: number; delivered: number }>,
    d: string,
  ) => new Map(rows.map((r) => [r.key[d] ?? '', { returned: r.returned, delivered: r.delivered }]));
  const rateOf = (c: Counts | undefined) => (c && c.delivered > 0 ? c.returned / c.delivered : null);

  const categoryBase = byKey(await units(baseline, ['category']), 'category');
  const tenantBase = [...categoryBase.values()].reduce(
    (s, c) => ({ returned: s.returned + c.returned, delivered: s.delivered + c.delivered }),
    { returned: 0, delivered: 0 },
  );
  const tenantRate = rateOf(tenantBase) ?? 0;

  const rows: Array<Insertable<QualityAlertsTable>> = [];
  const tested: Record<string, number> = {};
  const windowUnits = new Map<string, Counts>();
  const baselineUnits = new Map<string, Counts>();
  for (const type of SPIKE_SUBJECTS) {
    const current = await units(window, type === 'sku' ? ['sku', 'category'] : [type]);
    const base = type === 'category' ? categoryBase : byKey(await units(baseline, [type]), type);
    // A SKU's prior is its category's rate; a batch, a supplier or a category has the tenant's.
    const subjects = new Map<string, Counts & { prior: number; delivered: number }>();
    for (const r of current) {
      const subject = r.key[type] ?? '';
      if (subject === '') continue;
      const seen = subjects.get(subject);
      const prior =
        type === 'sku' ? (rateOf(categoryBase.get(r.key.category ?? '')) ?? tenantRate) : tenantRate;
      if (!seen) subjects.set(subject, { returned: r.returned, delivered: r.delivered, prior });
      else
        subjects.set(subject, {
          returned: seen.returned + r.returned,
          delivered: seen.delivered + r.delivered,
          prior: seen.delivered >= r.delivered ? seen.prior : prior,
        });
    }
    if (type === 'sku')
      for (const [sku, c] of subjects) {
        windowUnits.set(sku, c);
        baselineUnits.set(sku, base.get(sku) ?? { returned: 0, delivered: 0 });
      }
    const candidates = [...subjects].map(([subject, c]) => ({
      subject,
      returned: c.returned,
      delivered: c.delivered,
      baselineReturned: base.get(subject)?.returned ?? 0,
      baselineDelivered: base.get(subject)?.delivered ?? 0,
      priorRate: c.prior,
    }));
    tested[type] = candidates.length;
    const results = detectSpikes(candidates, options.spike);
    for (const [i, r] of results.entries()) {
      if (!r.alarm) continue;
      const c = candidates[i] as (typeof candidates)[number];
      rows.push({
        ...alertRow(tenantId, week, 'spike', type, r.subject),
        events: c.returned,
        units: c.delivered,
        baseline_events: c.baselineReturned,
        baseline_units: c.baselineDelivered,
        rate: r.rate as number,
        baseline_rate: r.baseline,
        p_value: r.pValue as number,
        q_value: r.qValue as number,
        plan: null,
        top_reasons: JSON.stringify(await topReturnReasons(ctx, window, type, r.subject)),
      });
    }
  }

  const clusters = await complaintClusters(
    ctx,
    window,
    baseline,
    windowUnits,
    baselineUnits,
    options.cluster,
  );
  tested.complaint_cluster = clusters.tested;
  for (const c of clusters.found)
    rows.push({
      ...alertRow(tenantId, week, 'complaint_cluster', 'sku', c.subject),
      events: c.complaints,
      units: c.delivered,
      baseline_events: baselineComplaintsOf(clusters.input, c.subject),
      baseline_units: baselineUnits.get(c.subject)?.delivered ?? 0,
      rate: c.rate,
      baseline_rate: c.baseline,
      p_value: c.pValue,
      q_value: c.qValue,
      plan: c.plan,
      top_reasons: JSON.stringify(c.topReasons.slice(0, 5)),
    });

  // The SKUs first: the measures open their own transaction, so not inside the one below.
  const skus: string[][] = [];
  for (const row of rows)
    skus.push(await skusOf(ctx, window, row.subject_type as AlertSubjectType, row.subject as string));
  const saved = await inTenant(ctx.db, tenantId, async (tx) => {
    for (const [i, row] of rows.entries())
      row.comments = JSON.stringify(await sampleComments(tx, tenantId, skus[i] as string[], window));
    if (rows.length === 0) return 0;
    await tx
      .insertInto('quality_alerts')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'kind', 'subject_type', 'subject', 'week']).doUpdateSet((eb) => ({
          events: eb.ref('excluded.events'),
          units: eb.ref('excluded.units'),
          baseline_events: eb.ref('excluded.baseline_events'),
          baseline_units: eb.ref('excluded.baseline_units'),
          rate: eb.ref('excluded.rate'),
          baseline_rate: eb.ref('excluded.baseline_rate'),
          p_value: eb.ref('excluded.p_value'),
          q_value: eb.ref('excluded.q_value'),
          plan: eb.ref('excluded.plan'),
          top_reasons: eb.ref('excluded.top_reasons'),
          comments: eb.ref('excluded.comments'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
    return rows.length;
  });
  return { week, baselineFrom: baseline.from, tested, alerts: saved };
}

function alertRow(
  tenantId: string,
  week: string,
  kind: 'spike' | 'complaint_cluster',
  type: AlertSubjectType,
  subject: string,
) {
  return { id: randomUUID(), tenant_id: tenantId, kind, subject_type: type, subject, week, comments: '[]' };
}

function baselineComplaintsOf(input: ComplaintCounts[], subject: string): number {
  return input.find((c) => c.subject === subject)?.baselineComplaints ?? 0;
}

/**
 * Product complaints per SKU: return and complaint cases whose reason blames the product
 * (from the measures), and negative reviews (score ≤ 2) whose text says the same (read
 * by review time), against the SKU's delivered units.
 */
async function complaintClusters(
  ctx: Ctx,
  window: Period,
  baseline: Period,
  windowUnits: Map<string, Counts>,
  baselineUnits: Map<string, Counts>,
  options: ClusterOptions | undefined,
) {
  const reasons = [...PRODUCT_COMPLAINT_REASONS];
  const cases = (period: Period) =>
    queryMeasures(ctx, {
      ...period,
      filters: { reason: reasons } as Partial<Record<Dimension, string[]>>,
      groupBy: ['sku', 'reason'],
      measures: ['cases'],
    }).then((r) =>
      r.rows.map((row) => ({
        sku: row.key.sku ?? '',
        cause: row.key.reason ?? '',
        n: Number(row.values.cases ?? 0),
      })),
    );
  const reviews = (period: Period) =>
    inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
      sql<{ sku: string; cause: string; n: number }>`
        select l.sku, r.intent as cause, count(distinct r.id)::int as n
          from order_reviews r join order_lines l on l.order_id = r.order_id
         where r.tenant_id = ${ctx.principal.tenantId}
           and r.reviewed_at >= ${new Date(`${period.from}T00:00:00Z`)} and r.reviewed_at < ${new Date(`${period.to}T00:00:00Z`)}
           and r.score <= 2 and r.intent in (${sql.join([...PRODUCT_COMPLAINT_INTENTS])})
         group by l.sku, r.intent`.execute(tx),
    ).then((r) => r.rows.map((row) => ({ ...row, n: Number(row.n) })));
  const tally = (rows: Array<{ sku: string; cause: string; n: number }>) => {
    const out = new Map<string, Record<string, number>>();
    for (const r of rows) {
      if (r.sku === '' || r.n === 0) continue;
      const t = out.get(r.sku) ?? {};
      t[r.cause] = (t[r.cause] ?? 0) + r.n;
      out.set(r.sku, t);
    }
    return out;
  };
  const now = tally([...(await cases(window)), ...(await reviews(window))]);
  const before = tally([...(await cases(baseline)), ...(await reviews(baseline))]);
  const sum = (t: Record<string, number> | undefined) => Object.values(t ?? {}).reduce((a, b) => a + b, 0);
  let allBefore = 0;
  let unitsBefore = 0;
  for (const [sku, c] of baselineUnits) {
    allBefore += sum(before.get(sku));
    unitsBefore += c.delivered;
  }
  const prior = unitsBefore > 0 ? allBefore / unitsBefore : 0;
  const input: ComplaintCounts[] = [...now].map(([sku, byReason]) => ({
    subject: sku,
    complaints: sum(byReason),
    delivered: windowUnits.get(sku)?.delivered ?? 0,
    baselineComplaints: sum(before.get(sku)),
    baselineDelivered: baselineUnits.get(sku)?.delivered ?? 0,
    priorRate: prior,
    byReason,
  }));
  return { input, tested: input.length, found: detectComplaintClusters(input, options) };
}
