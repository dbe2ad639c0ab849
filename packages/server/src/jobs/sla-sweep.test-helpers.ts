import { randomUUID } from 'node:crypto';
import type { SlaPolicy } from '@afterdesk/core';
import type { Services } from '../app/context.js';
import { inSystem } from '../db/scope.js';
import { newTenant } from '../testing/harness.test-helpers.js';

export const HOUR = 3_600_000;

// The sweep runs across tenants, and on PostgreSQL other test files share the database. So
// every test lives in its own era decades ago, earlier than the one before, where no other
// test puts a clock: a sweep at "now" reaches only this test's clocks, and
// `completeLeftovers` ends whatever a test leaves running.
let era = Date.UTC(1990, 0, 1, 12);
export const nextEra = () => {
  era -= 2 * 365 * 24 * HOUR;
  return era;
};

/** Tenants, teams, cases and clocks written straight into the tables, and readers for the checks. */
export function sweepFixtures(services: Services) {
  const tenants: string[] = [];

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

  /** Completes the running clocks of every tenant made here, so no later sweep meets them. */
  const completeLeftovers = async () => {
    if (tenants.length === 0) return;
    await inSystem(services.db, (tx) =>
      tx
        .updateTable('case_clocks')
        .set({ state: 'hit', completed_at: new Date(era) })
        .where('tenant_id', 'in', tenants)
        .where('state', '=', 'active')
        .execute(),
    );
  };

  return { tenant, team, openCase, clock, clocksOf, caseRow, eventsOf, completeLeftovers };
}
