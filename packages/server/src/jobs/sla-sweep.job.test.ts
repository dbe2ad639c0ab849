import { randomUUID } from 'node:crypto';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@afterdesk/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../app/context.js';
import type { DatabaseHandle } from '../db/connect.js';
import { inSystem } from '../db/scope.js';
import type { LiveUpdate } from '../live/live-bus.js';
import { newTenant, openTestDatabase, testServices } from '../testing/harness.test-helpers.js';
import { sweepSlaClocks } from './sla-sweep.job.js';

// The sweep runs across tenants, and on PostgreSQL other test files share the database. So
// every test lives in its own era decades ago, earlier than the one before, where no other
// test puts a clock: a sweep at "now" reaches only this test's clocks, and afterEach
// completes whatever a test leaves running.
const HOUR = 3_600_000;
let era = Date.UTC(1990, 0, 1, 12);
const nextEra = () => {
  era -= 2 * 365 * 24 * HOUR;
  return era;
};

let handle: DatabaseHandle;
let services: Services;
const tenants: string[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  services = testServices(handle);
});
afterEach(async () => {
  await inSystem(services.db, (tx) =>
    tx
      .updateTable('case_clocks')
      .set({ state: 'hit', completed_at: new Date(era) })
      .where('tenant_id', 'in', tenants)
      .where('state', '=', 'active')
      .execute(),
  );
});
afterAll(() => handle.db.destroy());

async function tenant(policy?: SlaPolicy) {
  const { tenantId } = await newTenant(services);
  tenants.push(tenantId);
  if (policy)
    await inSystem(services.db, (tx) =>
      tx
        .insertInto('tenant_settings')
        .values({ tenant_id: tenantId, key: 'sla_policy', value: JSON.stringify(policy) })
        .execute(),
    );
  return tenantId;
}

/** A team with an offline and an online lead (the online one takes escalations) and an agent. */
async function team(tenantId: string) {
  const teamId = randomUUID();
  const person = (isLead: boolean, presence: string) => ({
    id: randomUUID(),
    tenant_id: tenantId,
    email: `${randomUUID()}@example.com`,
    name: isLead ? 'Lead' : 'Agent',
    role: 'agent',
    password_hash: 'x',
    team_id: teamId,
    is_lead: isLead,
    presence,
  });
  const [offlineLead, onlineLead, agent] = [
    person(true, 'offline'),
    person(true, 'online'),
    person(false, 'online'),
  ];
  await inSystem(services.db, async (tx) => {
    await tx
      .insertInto('teams')
      .values({ id: teamId, tenant_id: tenantId, name: `T ${teamId}` })
      .execute();
    await tx.insertInto('users').values([offlineLead, onlineLead, agent]).execute();
  });
  return { teamId, leadId: onlineLead.id, agentId: agent.id };
}

async function openCase(
  tenantId: string,
  fields: { priority?: string; assigneeId?: string; teamId?: string } = {},
) {
  const caseId = randomUUID();
  const customerId = randomUUID();
  await inSystem(services.db, async (tx) => {
    await tx
      .insertInto('customers')
      .values({ id: customerId, tenant_id: tenantId, external_id: customerId })
      .execute();
    await tx
      .insertInto('cases')
      .values({
        id: caseId,
        tenant_id: tenantId,
        kind: 'inquiry',
        category: 'consultation',
        status: 'open',
        customer_id: customerId,
        language: 'en',
        channel: 'email',
        created_by_type: 'customer',
        priority: fields.priority ?? 'normal',
        assignee_id: fields.assigneeId ?? null,
        team_id: fields.teamId ?? null,
      })
      .execute();
  });
  return caseId;
}

/** A one-hour business clock started at `startedAt` (warning at 80 %), in any state. */
async function clock(
  tenantId: string,
  caseId: string,
  startedAt: number,
  options: { metric?: string; state?: string; completedAt?: number } = {},
) {
  const state = options.state ?? 'active';
  const paused = state === 'paused';
  await inSystem(services.db, (tx) =>
    tx
      .insertInto('case_clocks')
      .values({
        tenant_id: tenantId,
        case_id: caseId,
        metric: options.metric ?? 'first_response',
        cycle: 1,
        state,
        target: JSON.stringify({ minutes: 60, clock: 'calendar' }),
        rule: 'respond within 1 h',
        started_at: new Date(startedAt),
        due_at: paused ? null : new Date(startedAt + HOUR),
        warn_at: paused ? null : new Date(startedAt + 0.8 * HOUR),
        budget_minutes: 60,
        remaining_minutes: paused ? 30 : null,
        paused_at: paused ? new Date(startedAt + 0.5 * HOUR) : null,
        completed_at: options.completedAt ? new Date(options.completedAt) : null,
      })
      .execute(),
  );
  return { dueAt: new Date(startedAt + HOUR), warnAt: new Date(startedAt + 0.8 * HOUR) };
}

const clocksOf = (caseId: string) =>
  inSystem(services.db, (tx) =>
    tx.selectFrom('case_clocks').selectAll().where('case_id', '=', caseId).orderBy('metric').execute(),
  );
const caseRow = (caseId: string) =>
  inSystem(services.db, (tx) =>
    tx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(),
  );
const eventsOf = (caseId: string) =>
  inSystem(services.db, (tx) =>
    tx
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', caseId)
      .where('type', 'like', 'sla.%')
      .orderBy('id')
      .execute(),
  );

describe('sweepSlaClocks', () => {
  it('records a breach once at the due time, raises the priority and hands the case to the online team lead', async () => {
    const t0 = nextEra();
    const tenantId = await tenant();
    const { teamId, leadId, agentId } = await team(tenantId);
    const caseId = await openCase(tenantId, { priority: 'normal', assigneeId: agentId, teamId });
    const { dueAt } = await clock(tenantId, caseId, t0);
    await clock(tenantId, caseId, t0 + 10 * HOUR, { metric: 'resolution' });
    const live: LiveUpdate[] = [];
    services.live.subscribe(tenantId, (u) => live.push(u));

    const result = await sweepSlaClocks(services, { now: new Date(t0 + 3 * HOUR) });

    expect(result).toMatchObject({ breached: 1, warned: 0 });
    const [first, resolution] = await clocksOf(caseId);
    expect(first).toMatchObject({ state: 'missed', breached_at: dueAt, warned_at: null });
    expect(resolution).toMatchObject({ state: 'active', breached_at: null });
    const c = await caseRow(caseId);
    expect(c).toMatchObject({ priority: 'high', assignee_id: leadId, sla_due_at: resolution?.due_at });
    const events = await eventsOf(caseId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      tenant_id: tenantId,
      stream: 'case',
      type: 'sla.breached',
      actor_type: 'system',
      actor_id: null,
      reason: 'respond within 1 h',
      data: {
        metric: 'first_response',
        cycle: 1,
        dueAt: dueAt.toISOString(),
        actions: DEFAULT_SLA_POLICY.escalation.breach,
        priority: 'high',
        assigneeId: agentId,
        leadId,
        // A calendar-time hour again from the due time.
        expectedBy: new Date(dueAt.getTime() + HOUR).toISOString(),
      },
    });
    expect(live).toEqual([
      {
        type: 'case',
        tenantId,
        caseId,
        customerId: c.customer_id,
        event: 'sla.breached',
        status: 'open',
        version: 1,
      },
    ]);
  });

  it('changes nothing on a second sweep', async () => {
    const t0 = nextEra();
    const tenantId = await tenant();
    const caseId = await openCase(tenantId);
    await clock(tenantId, caseId, t0);
    const now = new Date(t0 + 2 * HOUR);
    await sweepSlaClocks(services, { now });
    const [clocks, c, events] = [await clocksOf(caseId), await caseRow(caseId), await eventsOf(caseId)];

    expect(await sweepSlaClocks(services, { now })).toMatchObject({ breached: 0, warned: 0 });
    expect(await sweepSlaClocks(services, { now: new Date(t0 + 5 * HOUR) })).toMatchObject({ breached: 0 });
    expect([await clocksOf(caseId), await caseRow(caseId), await eventsOf(caseId)]).toEqual([
      clocks,
      c,
      events,
    ]);
    expect(events).toHaveLength(1);
  });

  it('warns once past the warning point, with the policy’s warning actions, and leaves the case alone', async () => {
    const t0 = nextEra();
    const tenantId = await tenant();
    const caseId = await openCase(tenantId, { priority: 'low' });
    const { warnAt, dueAt } = await clock(tenantId, caseId, t0);
    const now = new Date(t0 + 0.9 * HOUR);

    expect(await sweepSlaClocks(services, { now })).toMatchObject({ warned: 1, breached: 0 });
    expect(await sweepSlaClocks(services, { now })).toMatchObject({ warned: 0, breached: 0 });

    expect(await clocksOf(caseId)).toMatchObject([{ state: 'active', warned_at: warnAt, breached_at: null }]);
    expect(await caseRow(caseId)).toMatchObject({ priority: 'low', assignee_id: null });
    const events = await eventsOf(caseId);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        'sla.warning',
        {
          metric: 'first_response',
          cycle: 1,
          dueAt: dueAt.toISOString(),
          actions: ['notify_assignee'],
          priority: 'low',
          assigneeId: null,
          leadId: null,
        },
      ],
    ]);
  });

  it('never touches paused or completed clocks, however late', async () => {
    const t0 = nextEra();
    const tenantId = await tenant();
    const caseIds = [await openCase(tenantId), await openCase(tenantId), await openCase(tenantId)];
    await clock(tenantId, caseIds[0] as string, t0, { state: 'paused' });
    await clock(tenantId, caseIds[1] as string, t0, { state: 'hit', completedAt: t0 + 0.5 * HOUR });
    await clock(tenantId, caseIds[2] as string, t0, { state: 'missed', completedAt: t0 + 2 * HOUR });
    const before = await Promise.all(caseIds.map(clocksOf));

    expect(await sweepSlaClocks(services, { now: new Date(t0 + 100 * HOUR) })).toMatchObject({
      warned: 0,
      breached: 0,
    });
    expect(await Promise.all(caseIds.map(clocksOf))).toEqual(before);
    for (const id of caseIds) expect(await eventsOf(id)).toEqual([]);
  });

  it('follows the tenant’s own escalation: priority up at the warning, only the lead told at the breach', async () => {
    const t0 = nextEra();
    const policy: SlaPolicy = {
      ...structuredClone(DEFAULT_SLA_POLICY),
      escalation: { warning: ['raise_priority'], breach: ['notify_lead'] },
    };
    const tenantId = await tenant(policy);
    const { teamId, leadId, agentId } = await team(tenantId);
    const caseId = await openCase(tenantId, { priority: 'normal', assigneeId: agentId, teamId });
    await clock(tenantId, caseId, t0);

    await sweepSlaClocks(services, { now: new Date(t0 + 0.85 * HOUR) });
    expect(await caseRow(caseId)).toMatchObject({ priority: 'high', assignee_id: agentId });
    await sweepSlaClocks(services, { now: new Date(t0 + 1.5 * HOUR) });

    expect(await caseRow(caseId)).toMatchObject({ priority: 'high', assignee_id: agentId });
    const events = await eventsOf(caseId);
    expect(events.map((e) => [e.type, e.data.actions, e.data.priority, e.data.leadId])).toEqual([
      ['sla.warning', ['raise_priority'], 'high', leadId],
      ['sla.breached', ['notify_lead'], 'high', leadId],
    ]);
  });

  it('records each breach exactly once when two sweeps run at the same time', async () => {
    const t0 = nextEra();
    const tenantId = await tenant();
    const caseIds = await Promise.all(Array.from({ length: 30 }, () => openCase(tenantId)));
    for (const [i, id] of caseIds.entries()) await clock(tenantId, id, t0 + i * 60_000);
    const now = new Date(t0 + 5 * HOUR);

    const results = await Promise.all([
      sweepSlaClocks(services, { now, batch: 7 }),
      sweepSlaClocks(services, { now, batch: 7 }),
      sweepSlaClocks(services, { now }),
    ]);

    expect(results.reduce((n, r) => n + r.breached, 0)).toBe(30);
    for (const id of caseIds) {
      expect((await eventsOf(id)).map((e) => e.type)).toEqual(['sla.breached']);
      expect(await caseRow(id)).toMatchObject({ priority: 'high' });
    }
  });

  it('gives each tenant of one sweep its own events, under its own policy', async () => {
    const t0 = nextEra();
    const quiet = await tenant({
      ...structuredClone(DEFAULT_SLA_POLICY),
      escalation: { warning: [], breach: ['tell_customer'] },
    });
    const standard = await tenant();
    const quietCase = await openCase(quiet);
    const standardCase = await openCase(standard);
    await clock(quiet, quietCase, t0);
    await clock(standard, standardCase, t0);

    expect(await sweepSlaClocks(services, { now: new Date(t0 + 2 * HOUR) })).toMatchObject({ breached: 2 });

    const [quietEvent] = await eventsOf(quietCase);
    const [standardEvent] = await eventsOf(standardCase);
    expect(quietEvent).toMatchObject({
      tenant_id: quiet,
      data: { actions: ['tell_customer'], priority: 'normal' },
    });
    expect(standardEvent).toMatchObject({ tenant_id: standard, data: { priority: 'high' } });
    expect(await caseRow(quietCase)).toMatchObject({ priority: 'normal' });
  });

  it('takes breaches before warnings when more is due than one batch holds', async () => {
    const t0 = nextEra();
    const tenantId = await tenant();
    const warnedCase = await openCase(tenantId);
    const breachedCase = await openCase(tenantId);
    await clock(tenantId, warnedCase, t0 + HOUR);
    await clock(tenantId, breachedCase, t0);
    const now = new Date(t0 + 1.9 * HOUR);

    expect(await sweepSlaClocks(services, { now, batch: 1 })).toMatchObject({ breached: 1, warned: 0 });
    expect(await sweepSlaClocks(services, { now, batch: 1 })).toMatchObject({ breached: 0, warned: 1 });
  });
});
