import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@afterdesk/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../app/context.js';
import type { DatabaseHandle } from '../db/connect.js';
import { writeSweep } from '../db/repositories/sla-sweep.repository.js';
import { inSystem } from '../db/scope.js';
import type { LiveUpdate } from '../live/live-bus.js';
import { openTestDatabase, testServices } from '../testing/harness.test-helpers.js';
import { sweepSlaClocks } from './sla-sweep.job.js';
import { HOUR, nextEra, sweepFixtures } from './sla-sweep.test-helpers.js';

let handle: DatabaseHandle;
let services: Services;
let fx: ReturnType<typeof sweepFixtures>;

beforeAll(async () => {
  handle = await openTestDatabase();
  services = testServices(handle);
  fx = sweepFixtures(services);
});
afterEach(() => fx.completeLeftovers());
afterAll(() => handle.db.destroy());

describe('sweepSlaClocks', () => {
  it('records a breach once at the due time, raises the priority and hands the case to the online team lead, leaving its due time', async () => {
    const t0 = nextEra();
    const tenantId = await fx.tenant();
    const { teamId, leadId, agentId } = await fx.team(tenantId);
    const caseId = await fx.openCase(tenantId, { priority: 'normal', assigneeId: agentId, teamId });
    const { dueAt } = await fx.clock(tenantId, caseId, t0);
    await fx.clock(tenantId, caseId, t0 + 10 * HOUR, { metric: 'resolution' });
    const live: LiveUpdate[] = [];
    services.live.subscribe(tenantId, (u) => live.push(u));

    const result = await sweepSlaClocks(services, { now: new Date(t0 + 3 * HOUR) });

    expect(result).toMatchObject({ breached: 1, warned: 0 });
    const [first, resolution] = await fx.clocksOf(caseId);
    expect(first).toMatchObject({ state: 'missed', breached_at: dueAt, warned_at: null });
    expect(resolution).toMatchObject({ state: 'active', breached_at: null });
    const c = await fx.caseRow(caseId);
    // The sweep leaves the due time as it was (the fixture set none): the missed answer is
    // still owed, so the case keeps its place in the inbox.
    expect(c).toMatchObject({ priority: 'high', assignee_id: leadId, sla_due_at: null });
    const events = await fx.eventsOf(caseId);
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
    const tenantId = await fx.tenant();
    const caseId = await fx.openCase(tenantId);
    await fx.clock(tenantId, caseId, t0);
    const now = new Date(t0 + 2 * HOUR);
    await sweepSlaClocks(services, { now });
    const [clocks, c, events] = [
      await fx.clocksOf(caseId),
      await fx.caseRow(caseId),
      await fx.eventsOf(caseId),
    ];

    expect(await sweepSlaClocks(services, { now })).toMatchObject({ breached: 0, warned: 0 });
    expect(await sweepSlaClocks(services, { now: new Date(t0 + 5 * HOUR) })).toMatchObject({ breached: 0 });
    expect([await fx.clocksOf(caseId), await fx.caseRow(caseId), await fx.eventsOf(caseId)]).toEqual([
      clocks,
      c,
      events,
    ]);
    expect(events).toHaveLength(1);
  });

  it('warns once past the warning point, with the policy’s warning actions, and leaves the case alone', async () => {
    const t0 = nextEra();
    const tenantId = await fx.tenant();
    const caseId = await fx.openCase(tenantId, { priority: 'low' });
    const { warnAt, dueAt } = await fx.clock(tenantId, caseId, t0);
    const now = new Date(t0 + 0.9 * HOUR);

    expect(await sweepSlaClocks(services, { now })).toMatchObject({ warned: 1, breached: 0 });
    expect(await sweepSlaClocks(services, { now })).toMatchObject({ warned: 0, breached: 0 });

    expect(await fx.clocksOf(caseId)).toMatchObject([
      { state: 'active', warned_at: warnAt, breached_at: null },
    ]);
    expect(await fx.caseRow(caseId)).toMatchObject({ priority: 'low', assignee_id: null });
    const events = await fx.eventsOf(caseId);
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
    const tenantId = await fx.tenant();
    const caseIds = [await fx.openCase(tenantId), await fx.openCase(tenantId), await fx.openCase(tenantId)];
    await fx.clock(tenantId, caseIds[0] as string, t0, { state: 'paused' });
    await fx.clock(tenantId, caseIds[1] as string, t0, { state: 'hit', completedAt: t0 + 0.5 * HOUR });
    await fx.clock(tenantId, caseIds[2] as string, t0, { state: 'missed', completedAt: t0 + 2 * HOUR });
    const before = await Promise.all(caseIds.map(fx.clocksOf));

    expect(await sweepSlaClocks(services, { now: new Date(t0 + 100 * HOUR) })).toMatchObject({
      warned: 0,
      breached: 0,
    });
    expect(await Promise.all(caseIds.map(fx.clocksOf))).toEqual(before);
    for (const id of caseIds) expect(await fx.eventsOf(id)).toEqual([]);
  });

  it('follows the tenant’s own escalation: priority up at the warning, only the lead told at the breach', async () => {
    const t0 = nextEra();
    const policy: SlaPolicy = {
      ...structuredClone(DEFAULT_SLA_POLICY),
      escalation: { warning: ['raise_priority'], breach: ['notify_lead'] },
    };
    const tenantId = await fx.tenant(policy);
    const { teamId, leadId, agentId } = await fx.team(tenantId);
    const caseId = await fx.openCase(tenantId, { priority: 'normal', assigneeId: agentId, teamId });
    await fx.clock(tenantId, caseId, t0);

    await sweepSlaClocks(services, { now: new Date(t0 + 0.85 * HOUR) });
    expect(await fx.caseRow(caseId)).toMatchObject({ priority: 'high', assignee_id: agentId });
    await sweepSlaClocks(services, { now: new Date(t0 + 1.5 * HOUR) });

    expect(await fx.caseRow(caseId)).toMatchObject({ priority: 'high', assignee_id: agentId });
    const events = await fx.eventsOf(caseId);
    expect(events.map((e) => [e.type, e.data.actions, e.data.priority, e.data.leadId])).toEqual([
      ['sla.warning', ['raise_priority'], 'high', leadId],
      ['sla.breached', ['notify_lead'], 'high', leadId],
    ]);
  });

  it('records each breach exactly once when two sweeps run at the same time', async () => {
    const t0 = nextEra();
    const tenantId = await fx.tenant();
    const caseIds = await Promise.all(Array.from({ length: 30 }, () => fx.openCase(tenantId)));
    for (const [i, id] of caseIds.entries()) await fx.clock(tenantId, id, t0 + i * 60_000);
    const now = new Date(t0 + 5 * HOUR);

    const results = await Promise.all([
      sweepSlaClocks(services, { now, batch: 7 }),
      sweepSlaClocks(services, { now, batch: 7 }),
      sweepSlaClocks(services, { now }),
    ]);

    expect(results.reduce((n, r) => n + r.breached, 0)).toBe(30);
    for (const id of caseIds) {
      expect((await fx.eventsOf(id)).map((e) => e.type)).toEqual(['sla.breached']);
      expect(await fx.caseRow(id)).toMatchObject({ priority: 'high' });
    }
  });

  it('gives each tenant of one sweep its own events, under its own policy', async () => {
    const t0 = nextEra();
    const quiet = await fx.tenant({
      ...structuredClone(DEFAULT_SLA_POLICY),
      escalation: { warning: [], breach: ['tell_customer'] },
    });
    const standard = await fx.tenant();
    const quietCase = await fx.openCase(quiet);
    const standardCase = await fx.openCase(standard);
    await fx.clock(quiet, quietCase, t0);
    await fx.clock(standard, standardCase, t0);

    expect(await sweepSlaClocks(services, { now: new Date(t0 + 2 * HOUR) })).toMatchObject({ breached: 2 });

    const [quietEvent] = await fx.eventsOf(quietCase);
    const [standardEvent] = await fx.eventsOf(standardCase);
    expect(quietEvent).toMatchObject({
      tenant_id: quiet,
      data: { actions: ['tell_customer'], priority: 'normal' },
    });
    expect(standardEvent).toMatchObject({ tenant_id: standard, data: { priority: 'high' } });
    expect(await fx.caseRow(quietCase)).toMatchObject({ priority: 'normal' });
  });

  it('takes breaches before warnings when more is due than one batch holds', async () => {
    const t0 = nextEra();
    const tenantId = await fx.tenant();
    const warnedCase = await fx.openCase(tenantId);
    const breachedCase = await fx.openCase(tenantId);
    await fx.clock(tenantId, warnedCase, t0 + HOUR);
    await fx.clock(tenantId, breachedCase, t0);
    const now = new Date(t0 + 1.9 * HOUR);

    expect(await sweepSlaClocks(services, { now, batch: 1 })).toMatchObject({ breached: 1, warned: 0 });
    expect(await sweepSlaClocks(services, { now, batch: 1 })).toMatchObject({ breached: 0, warned: 1 });
  });

  it('lets an agent who changed the case meanwhile win over the escalation', async () => {
    const tenantId = await fx.tenant();
    const { agentId, leadId } = await fx.team(tenantId);
    const caseId = await fx.openCase(tenantId, { priority: 'low', assigneeId: agentId });
    // The sweep read the case as normal; an agent has since set it to low.
    const escalation = {
      caseId,
      priority: 'high',
      assigneeId: leadId,
      wasPriority: 'normal',
      wasAssigneeId: agentId,
    };
    await inSystem(services.db, (tx) => writeSweep(tx, new Date(nextEra()), [], [escalation]));
    expect(await fx.caseRow(caseId)).toMatchObject({ priority: 'low', assignee_id: agentId });
    await inSystem(services.db, (tx) =>
      writeSweep(tx, new Date(nextEra()), [], [{ ...escalation, wasPriority: 'low' }]),
    );
    expect(await fx.caseRow(caseId)).toMatchObject({ priority: 'high', assignee_id: leadId });
  });
});
