import { sql } from 'kysely';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';

export type MeasureGroup = 'none' | 'kind' | 'team' | 'agent';

interface ClockMeasure {
  completed: number;
  medianMinutes: number | null;
  meanMinutes: number | null;
  hit: number;
  missed: number;
  attainment: number | null;
  breaches: number;
}
interface GroupMeasures {
  group: string;
  metrics: Partial<Record<'first_response' | 'next_response' | 'resolution', ClockMeasure>>;
  csat: { responses: number; average: number | null; satisfiedShare: number | null };
}

/**
 * Service levels over a period (R-9.4, R-11): per group (case kind, team or agent) the
 * first-response and resolution times of the clocks completed in the period (median and
 * mean, wall-clock minutes), SLA attainment (hit ÷ hit + missed) and breaches, and CSAT
 * from the surveys answered in the period, and the share of the customers' conversations
 * the assistant answered without an agent (R-8.7). Read from the clocks by their completion
 * and breach indexes and from the tenant's cases by creation time, never by scanning all
 * cases. Definitions: docs/help-desk.md.
 */
export async function serviceMeasures(ctx: Ctx, query: { from: string; to: string; groupBy: MeasureGroup }) {
  requirePermission(ctx, 'measures:read');
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(from < to)) throw invalid('The period is empty.', [{ field: '/to', message: 'Must be after from.' }]);
  const group =
    query.groupBy === 'kind'
      ? sql<string>`c.kind`
      : query.groupBy === 'team'
        ? sql<string>`coalesce(c.team_id::text, 'none')`
        : query.groupBy === 'agent'
          ? sql<string>`coalesce(c.assignee_id::text, 'none')`
          : sql<string>`'all'`;
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const clocks = await sql<{
      grp: string;
      metric: string;
      completed: number;
      median_minutes: number | null;
      mean_minutes: number | null;
      hit: number;
      missed: number;
      breaches: number;
    }>`
      with period as (
        select k.*, ${group} as grp from case_clocks k join cases c on c.id = k.case_id
         where (k.completed_at >= ${from} and k.completed_at < ${to})
            or (k.breached_at >= ${from} and k.breached_at < ${to}))
      select grp, metric,
             count(*) filter (where completed_at >= ${from} and completed_at < ${to})::int as completed,
             percentile_cont(0.5) within group (order by extract(epoch from completed_at - started_at) / 60)
               filter (where completed_at >= ${from} and completed_at < ${to}) as median_minutes,
             avg(extract(epoch from completed_at - started_at) / 60)
               filter (where completed_at >= ${from} and completed_at < ${to}) as mean_minutes,
             count(*) filter (where state = 'hit' and completed_at >= ${from} and completed_at < ${to})::int as hit,
             count(*) filter (where state = 'missed' and coalesce(completed_at, breached_at) >= ${from}
                                and coalesce(completed_at, breached_at) < ${to})::int as missed,
             count(*) filter (where breached_at >= ${from} and breached_at < ${to})::int as breaches
        from period group by grp, metric order by grp, metric`.execute(tx);
    const csat = await sql<{ grp: string; responses: number; average: number | null; satisfied: number }>`
      select ${group} as grp, count(*)::int as responses, avg(s.score)::float as average,
             count(*) filter (where s.score >= 4)::int as satisfied
        from surveys s join cases c on c.id = s.case_id
       where s.answered_at >= ${from} and s.answered_at < ${to}
       group by 1`.execute(tx);
    // Conversations customers opened, by the recent-cases index of the tenant.
    const served = await sql<{ conversations: number; answered: number; without_agent: number }>`
      select count(*)::int as conversations,
             count(*) filter (where c.self_service is not null)::int as answered,
             count(*) filter (where c.self_service = 'answered')::int as without_agent
        from cases c
       where c.created_at >= ${from} and c.created_at < ${to} and c.created_by_type = 'customer'
         and c.kind in ('inquiry', 'complaint', 'logistics', 'dispute')`.execute(tx);
    const selfService = served.rows[0] ?? { conversations: 0, answered: 0, without_agent: 0 };
    const groups = new Map<string, GroupMeasures>();
    const entry = (grp: string) => {
      let e = groups.get(grp);
      if (!e) {
        e = { group: grp, metrics: {}, csat: { responses: 0, average: null, satisfiedShare: null } };
        groups.set(grp, e);
      }
      return e;
    };
    for (const r of clocks.rows) {
      const decided = Number(r.hit) + Number(r.missed);
      entry(r.grp).metrics[r.metric as keyof GroupMeasures['metrics']] = {
        completed: Number(r.completed),
        medianMinutes: r.median_minutes === null ? null : Math.round(Number(r.median_minutes) * 10) / 10,
        meanMinutes: r.mean_minutes === null ? null : Math.round(Number(r.mean_minutes) * 10) / 10,
        hit: Number(r.hit),
        missed: Number(r.missed),
        attainment: decided === 0 ? null : Number(r.hit) / decided,
        breaches: Number(r.breaches),
      };
    }
    for (const r of csat.rows) {
      entry(r.grp).csat = {
        responses: Number(r.responses),
        average: r.average === null ? null : Math.round(Number(r.average) * 100) / 100,
        satisfiedShare: Number(r.responses) === 0 ? null : Number(r.satisfied) / Number(r.responses),
      };
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy: query.groupBy,
      groups: [...groups.values()],
      selfService: {
        conversations: selfService.conversations,
        answered: selfService.answered,
        withoutAgent: selfService.without_agent,
        share: selfService.conversations === 0 ? null : selfService.without_agent / selfService.conversations,
      },
    };
  });
}
