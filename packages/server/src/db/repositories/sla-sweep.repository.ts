import { type Selectable, sql } from 'kysely';
import type { CaseClocksTable } from '../schema.js';
import type { Tx } from '../scope.js';

/** A running clock that is due or past its warning point, with the case facts escalation needs. */
export type DueClockRow = Selectable<CaseClocksTable> & {
  store_id: string | null;
  customer_id: string;
  status: string;
  version: number;
  priority: string;
  assignee_id: string | null;
  team_id: string | null;
};

/**
 * Claims up to `batch` clocks that crossed a threshold by `now`, across tenants, breaches
 * first, each locked, with the case facts escalation needs.
 *
 * Two range scans of the partial indexes (case_clocks_due, case_clocks_warn) joined by a
 * UNION: an OR of the two conditions would make PostgreSQL scan every active clock. Each
 * key found is then locked through its primary key in a LATERAL sub-select (a plain join
 * back to case_clocks lets the planner pick a hash join over all clocks once thousands are
 * due). The sub-select repeats the conditions, so a clock another worker changed after this
 * statement's snapshot is re-checked when locked and dropped; SKIP LOCKED passes over clocks
 * a concurrent sweep has, so two workers never wait on each other and never record the same
 * crossing. Cases are read, not locked: `writeSweep` changes a case only if it is still as
 * read here, so an agent's concurrent change wins over the escalation.
 */
export async function claimDueClocks(tx: Tx, now: Date, batch: number): Promise<DueClockRow[]> {
  // The plan is costed for a full batch, which is past jit_above_cost: compiling it would add
  // some 20 ms to every sweep, the empty ones included, to save nothing on index lookups.
  await sql`set local jit = off`.execute(tx);
  const { rows } = await dueClocksQuery(now, batch).execute(tx);
  return rows;
}

/** The statement of `claimDueClocks`, for EXPLAIN in the benchmark. */
export function dueClocksQuery(now: Date, batch: number) {
  return sql<DueClockRow>`
    with due as (
      (select case_id, metric, cycle from case_clocks
        where state = 'active' and due_at <= ${now} order by due_at limit ${batch})
      union
      (select case_id, metric, cycle from case_clocks
        where state = 'active' and warned_at is null and warn_at <= ${now} order by warn_at limit ${batch})
    )
    select k.tenant_id, k.case_id, k.metric, k.cycle, k.state, k.target, k.rule, k.started_at, k.due_at,
      k.warn_at, k.budget_minutes, k.remaining_minutes, k.paused_at, k.warned_at, k.breached_at,
      k.completed_at, c.store_id, c.customer_id, c.status, c.version, c.priority, c.assignee_id, c.team_id
    from due
    cross join lateral (
      select * from case_clocks k
      where (k.case_id, k.metric, k.cycle) = (due.case_id, due.metric, due.cycle) and k.state = 'active'
        and (k.due_at <= ${now} or (k.warned_at is null and k.warn_at <= ${now}))
      for update skip locked
    ) k
    join cases c on c.id = k.case_id
    order by k.due_at, k.case_id, k.metric, k.cycle
    limit ${batch}`;
}

/** What escalation needs to know about the tenants of a batch. */
export interface SweepContext {
  policies: Array<{ tenantId: string; policy: unknown }>;
  leads: Array<{
    id: string;
    tenantId: string;
    teamId: string | null;
    presence: 'online' | 'away' | 'offline';
  }>;
  /** Every store of the tenants, oldest first: a case without a store uses its tenant's first. */
  stores: Array<{ id: string; tenantId: string; country: string; timeZone: string; spec: unknown }>;
}

/**
 * The tenants' SLA policies, the active leads of the teams involved (and the team-less
 * heads of service) and the stores' business calendars, in one round trip.
 */
export async function loadSweepContext(
  tx: Tx,
  tenantIds: string[],
  teamIds: string[],
): Promise<SweepContext> {
  const { rows } = await sql<SweepContext>`
    select
      (select coalesce(json_agg(json_build_object('tenantId', tenant_id, 'policy', value)), '[]')
        from tenant_settings where key = 'sla_policy' and tenant_id = any(${tenantIds}::uuid[])) as policies,
      (select coalesce(json_agg(json_build_object('id', id, 'tenantId', tenant_id, 'teamId', team_id,
          'presence', presence)), '[]')
        from users
        where is_lead and active and tenant_id = any(${tenantIds}::uuid[])
          and (team_id is null or team_id = any(${teamIds}::uuid[]))) as leads,
      (select coalesce(json_agg(json_build_object('id', s.id, 'tenantId', s.tenant_id, 'country', s.country,
          'timeZone', s.time_zone, 'spec', b.spec) order by s.created_at, s.id), '[]')
        from stores s left join business_calendars b on b.id = s.calendar_id
        where s.tenant_id = any(${tenantIds}::uuid[])) as stores`.execute(tx);
  return rows[0] as SweepContext;
}

/** One clock's new state and the event that records it. */
export interface ClockWrite {
  tenantId: string;
  caseId: string;
  metric: string;
  cycle: number;
  state: string;
  warnedAt: Date | null;
  breachedAt: Date | null;
  type: 'sla.warning' | 'sla.breached';
  reason: string;
  data: Record<string, unknown>;
}

/** A case's priority and assignee after escalation, and as they were read. */
export interface CaseWrite {
  caseId: string;
  priority: string;
  assigneeId: string | null;
  wasPriority: string;
  wasAssigneeId: string | null;
}

/**
 * Writes a whole batch in two statements whatever its size. Each statement has a fixed
 * text, so PostgreSQL prepares it once per connection, and takes the batch as ONE JSON
 * parameter: a single string JSON.stringify builds natively and PostgreSQL parses in one
 * pass, far cheaper on both sides than a placeholder per value or arrays of quoted strings.
 *
 * 1. the clocks, and their events only for the clocks actually updated (still active), in
 *    the order given, so event ids follow the order of the thresholds;
 * 2. the cases whose priority or assignee changed. Their due time (`sla_due_at`) stays: a
 *    missed clock is still owed (see `earliestDue`). Neither priority nor updated_at is
 *    indexed, so a raised priority is a HOT update that touches no index of `cases`.
 */
export async function writeSweep(
  tx: Tx,
  now: Date,
  clocks: ClockWrite[],
  cases: CaseWrite[],
): Promise<{ warned: number; breached: number }> {
  const input = clocks.map((w, n) => ({
    n,
    tenant_id: w.tenantId,
    case_id: w.caseId,
    metric: w.metric,
    cycle: w.cycle,
    state: w.state,
    warned_at: w.warnedAt,
    breached_at: w.breachedAt,
    type: w.type,
    reason: w.reason,
    data: w.data,
  }));
  const { rows } = await sql<{ warned: number; breached: number }>`
    with input as (
      select * from json_to_recordset(${JSON.stringify(input)}::json) as i(n int, tenant_id uuid, case_id uuid,
        metric text, cycle int, state text, warned_at timestamptz, breached_at timestamptz, type text, reason text,
        data jsonb)
    ),
    updated as (
      update case_clocks k
      set state = i.state, warned_at = i.warned_at, breached_at = i.breached_at
      from input i
      where (k.case_id, k.metric, k.cycle) = (i.case_id, i.metric, i.cycle) and k.state = 'active'
      returning k.case_id, k.metric, k.cycle
    ),
    recorded as (
      insert into events (tenant_id, stream, stream_id, type, actor_type, actor_id, reason, data, created_at)
      select i.tenant_id, 'case', i.case_id, i.type, 'system', null, i.reason, i.data, ${now}::timestamptz
      from input i join updated u on (u.case_id, u.metric, u.cycle) = (i.case_id, i.metric, i.cycle)
      order by i.n
      returning type
    )
    select count(*) filter (where type = 'sla.warning')::int as warned,
      count(*) filter (where type = 'sla.breached')::int as breached
    from recorded`.execute(tx);
  if (cases.length > 0) {
    const changes = cases.map((w) => ({
      case_id: w.caseId,
      priority: w.priority,
      assignee_id: w.assigneeId,
      was_priority: w.wasPriority,
      was_assignee_id: w.wasAssigneeId,
    }));
    await sql`
      update cases c
      set priority = x.priority, assignee_id = x.assignee_id, updated_at = ${now}::timestamptz
      from json_to_recordset(${JSON.stringify(changes)}::json)
        as x(case_id uuid, priority text, assignee_id uuid, was_priority text, was_assignee_id uuid)
      where c.id = x.case_id and c.priority = x.was_priority
        and c.assignee_id is not distinct from x.was_assignee_id`.execute(tx);
  }
  return rows[0] ?? { warned: 0, breached: 0 };
}
