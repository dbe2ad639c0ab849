import {
  type AgentState,
  type BusinessCalendar,
  DEFAULT_SLA_POLICY,
  type EscalationAction,
  escalationFor,
  expectedAfterBreach,
  type Priority,
  type SlaPolicy,
  sweepClock,
  teamLeadOf,
} from '@afterdesk/core';
import type { Services } from '../app/context.js';
import { storeCalendar, toCaseClock } from '../app/sla/case-clocks.js';
import {
  type CaseWrite,
  type ClockWrite,
  claimDueClocks,
  type DueClockRow,
  loadSweepContext,
  type SweepContext,
  writeSweep,
} from '../db/repositories/sla-sweep.repository.js';
import { inSystem } from '../db/scope.js';
import type { LiveUpdate } from '../live/live-bus.js';

export interface SweepResult {
  warned: number;
  breached: number;
  ms: number;
  /** Where the time went, in ms: claiming the clocks, deciding, writing; the rest is commit. */
  stages?: { claimMs: number; decideMs: number; writeMs: number };
}

/**
 * One pass of the service-level sweep over every tenant: records each clock that ran out
 * (`sla.breached`) or passed its warning point (`sla.warning`) once, and escalates its case
 * as the tenant's policy says (raise the priority, hand it to the team's lead). The events
 * are the outbox: the notifier tells assignee, lead and customer from them.
 *
 * Load → decide (core: sweepClock, escalationFor, teamLeadOf) → save, in one system
 * transaction of a fixed number of statements whatever the batch size. Live updates go
 * out after the commit. A batch larger than `batch` is finished by the next pass.
 */
export async function sweepSlaClocks(
  services: Services,
  options: { now?: Date; batch?: number } = {},
): Promise<SweepResult> {
  const started = performance.now();
  const now = options.now ?? services.clock();
  const batch = options.batch ?? 10_000;
  const outcome = await inSystem(services.db, async (tx) => {
    const rows = await claimDueClocks(tx, now, batch);
    if (rows.length === 0) return null;
    const claimed = performance.now();
    const context = await loadSweepContext(
      tx,
      unique(rows.map((r) => r.tenant_id)),
      unique(rows.flatMap((r) => (r.team_id ? [r.team_id] : []))),
    );
    const plan = planSweep(rows, now, context);
    const decided = performance.now();
    const counts = await writeSweep(tx, now, plan.clocks, plan.cases);
    const stages = {
      claimMs: claimed - started,
      decideMs: decided - claimed,
      writeMs: performance.now() - decided,
    };
    return { counts, touched: plan.touched, stages };
  });
  const ms = performance.now() - started;
  if (!outcome) return { warned: 0, breached: 0, ms };
  for (const update of outcome.touched) services.live.publish(update);
  const result = { ...outcome.counts, ms, stages: outcome.stages };
  services.log.info(result, 'sla sweep recorded clocks');
  return result;
}

type Touched = Extract<LiveUpdate, { type: 'case' }>;

/**
 * What to write for a batch. A case's clocks are taken in the order their thresholds
 * passed and each escalation starts from the case as the previous one left it: two
 * breaches found in one pass raise the priority twice, exactly as two passes would have,
 * so the outcome never depends on how often the sweep runs.
 */
function planSweep(rows: DueClockRow[], now: Date, context: SweepContext) {
  const policies = new Map(context.policies.map((p) => [p.tenantId, p.policy as SlaPolicy]));
  const leadOf = leadFinder(context.leads);
  const calendarOf = calendarFinder(context.stores);
  const clocks: ClockWrite[] = [];
  const cases: CaseWrite[] = [];
  const touched: Touched[] = [];
  for (const group of byCase(rows)) {
    const first = group[0] as DueClockRow;
    const policy = policies.get(first.tenant_id) ?? DEFAULT_SLA_POLICY;
    const leadId = leadOf(first.tenant_id, first.team_id);
    let priority = first.priority as Priority;
    let assigneeId = first.assignee_id;
    let breached = false;
    const decided = group
      .map((row) => ({ row, swept: sweepClock(toCaseClock(row), now) }))
      .filter((d) => d.swept.crossed !== null)
      .sort((a, b) => crossedAt(a.swept).getTime() - crossedAt(b.swept).getTime());
    for (const { row, swept } of decided) {
      const crossed = swept.crossed as 'warning' | 'breach';
      const escalation = escalationFor(policy, crossed, priority);
      const before = assigneeId;
      priority = escalation.priority;
      if (escalation.actions.includes('reassign_to_lead') && leadId) assigneeId = leadId;
      breached ||= crossed === 'breach';
      const expectedBy =
        crossed === 'breach'
          ? expectedAfterBreach(swept.clock, calendarOf(first.tenant_id, first.store_id))
          : null;
      clocks.push({
        tenantId: row.tenant_id,
        caseId: row.case_id,
        metric: row.metric,
        cycle: row.cycle,
        state: swept.clock.state,
        warnedAt: swept.clock.warnedAt,
        breachedAt: swept.clock.breachedAt,
        type: crossed === 'breach' ? 'sla.breached' : 'sla.warning',
        reason: row.rule,
        data: eventData(row, escalation.actions, priority, before, leadId, expectedBy),
      });
    }
    if (decided.length === 0) continue;
    // A crossing that changes nothing on the case leaves its row alone.
    if (priority !== first.priority || assigneeId !== first.assignee_id)
      cases.push({
        caseId: first.case_id,
        priority,
        assigneeId,
        wasPriority: first.priority,
        wasAssigneeId: first.assignee_id,
      });
    touched.push({
      type: 'case',
      tenantId: first.tenant_id,
      caseId: first.case_id,
      customerId: first.customer_id,
      event: breached ? 'sla.breached' : 'sla.warning',
      status: first.status,
      version: first.version,
    });
  }
  return { clocks, cases, touched };
}

/**
 * The event's data. `assigneeId` is who held the case when the threshold passed (whom
 * notify_assignee tells); `leadId` is the team's lead (whom notify_lead tells and
 * reassign_to_lead hands the case to; null when the team has none); `priority` is the
 * case's priority after this escalation. `expectedBy` (breaches only) is the time the
 * customer is given when the actions say tell_customer: see `expectedAfterBreach`.
 */
function eventData(
  row: DueClockRow,
  actions: EscalationAction[],
  priority: Priority,
  assigneeId: string | null,
  leadId: string | null,
  expectedBy: Date | null,
): Record<string, unknown> {
  return {
    metric: row.metric,
    cycle: row.cycle,
    dueAt: row.due_at?.toISOString() ?? null,
    actions,
    priority,
    assigneeId,
    leadId,
    ...(expectedBy ? { expectedBy: expectedBy.toISOString() } : {}),
  };
}

function crossedAt(swept: ReturnType<typeof sweepClock>): Date {
  const { clock, crossed } = swept;
  return (crossed === 'breach' ? clock.breachedAt : clock.warnedAt) ?? clock.startedAt;
}

function byCase(rows: DueClockRow[]): DueClockRow[][] {
  const groups = new Map<string, DueClockRow[]>();
  for (const row of rows) {
    const group = groups.get(row.case_id);
    if (group) group.push(row);
    else groups.set(row.case_id, [row]);
  }
  return [...groups.values()];
}

/** The lead per (tenant, team), chosen by the core's rule from the leads loaded. */
function leadFinder(leads: SweepContext['leads']) {
  const agentsOf = new Map<string, AgentState[]>();
  for (const lead of leads) {
    const agents = agentsOf.get(lead.tenantId) ?? [];
    // Only what teamLeadOf reads matters here; the routing fields are neutral.
    agents.push({
      id: lead.id,
      teamId: lead.teamId,
      isLead: true,
      presence: lead.presence,
      languages: [],
      skills: [],
      channels: [],
      capacity: 0,
      openCases: 0,
      lastAssignedAt: null,
    });
    agentsOf.set(lead.tenantId, agents);
  }
  const chosen = new Map<string, string | null>();
  return (tenantId: string, teamId: string | null) => {
    const key = `${tenantId}/${teamId}`;
    if (!chosen.has(key)) chosen.set(key, teamLeadOf(teamId, agentsOf.get(tenantId) ?? []));
    return chosen.get(key) ?? null;
  };
}

/** The business calendar of a case: its store's, else its tenant's first store's. */
function calendarFinder(stores: SweepContext['stores']) {
  const byId = new Map(stores.map((s) => [s.id, s]));
  const firstOf = new Map<string, SweepContext['stores'][number]>();
  for (const s of stores) if (!firstOf.has(s.tenantId)) firstOf.set(s.tenantId, s);
  // Once per store and batch: finding the shared calendar serialises its spec.
  const chosen = new Map<string, BusinessCalendar>();
  return (tenantId: string, storeId: string | null) => {
    const key = storeId ?? `tenant ${tenantId}`;
    let calendar = chosen.get(key);
    if (!calendar) {
      calendar = storeCalendar((storeId ? byId.get(storeId) : undefined) ?? firstOf.get(tenantId));
      chosen.set(key, calendar);
    }
    return calendar;
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
