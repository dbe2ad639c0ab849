import { describe, expect, it } from 'vitest';
import type { RoutingRequest } from './agent-state.js';
import { routeCase } from './route-case.js';
import { agent, at } from './routing.test-helpers.js';

const germanReturn: RoutingRequest = {
  kind: 'return',
  category: 'after_sales',
  channel: 'email',
  language: 'de-DE',
};

describe('routeCase: who may take a case', () => {
  it('assigns only agents who speak the language, matching on the primary subtag', () => {
    const agents = [
      agent('emma', { languages: ['en-GB'] }),
      agent('jonas', { languages: ['de'], openCases: 5 }),
    ];
    expect(routeCase(germanReturn, agents).assigneeId).toBe('jonas');
  });

  it('serves a zh-TW customer with an agent who lists zh-CN', () => {
    const agents = [agent('emma'), agent('li', { languages: ['zh-CN', 'en'] })];
    expect(routeCase({ ...germanReturn, language: 'zh-TW' }, agents).assigneeId).toBe('li');
  });

  it('lets any agent serve a customer whose language is unknown', () => {
    expect(routeCase({ ...germanReturn, language: '' }, [agent('emma')]).assigneeId).toBe('emma');
    expect(routeCase({ ...germanReturn, language: 'und' }, [agent('emma')]).assigneeId).toBe('emma');
  });

  it('requires the skill by case kind or by category; no skills means every case', () => {
    const agents = [
      agent('refunds', { languages: ['de'], skills: ['refund_only'] }),
      agent('logistics', { languages: ['de'], skills: ['logistics'] }),
    ];
    expect(routeCase(germanReturn, agents).assigneeId).toBeNull();
    const afterSales = agent('after-sales', { languages: ['de'], skills: ['after_sales'], openCases: 9 });
    expect(routeCase(germanReturn, [...agents, afterSales]).assigneeId).toBe('after-sales');
    const returns = agent('returns', { languages: ['de'], skills: ['return'], openCases: 9 });
    expect(routeCase(germanReturn, [...agents, returns]).assigneeId).toBe('returns');
    const generalist = agent('generalist', { languages: ['de'], skills: [], openCases: 9 });
    expect(routeCase(germanReturn, [...agents, generalist]).assigneeId).toBe('generalist');
  });

  it('requires the channel; no channels means every channel', () => {
    const agents = [agent('phone-only', { languages: ['de'], channels: ['phone'] })];
    expect(routeCase(germanReturn, agents).assigneeId).toBeNull();
    const mail = agent('mail', { languages: ['de'], channels: ['email', 'chat'], openCases: 9 });
    expect(routeCase(germanReturn, [...agents, mail]).assigneeId).toBe('mail');
  });

  it('never assigns an agent who is away, offline or at capacity', () => {
    const agents = [
      agent('away', { languages: ['de'], presence: 'away' }),
      agent('offline', { languages: ['de'], presence: 'offline' }),
      agent('full', { languages: ['de'], capacity: 8, openCases: 8 }),
      agent('over', { languages: ['de'], capacity: 8, openCases: 11 }),
      agent('no-capacity', { languages: ['de'], capacity: 0, openCases: 0 }),
    ];
    const result = routeCase(germanReturn, agents);
    expect(result.assigneeId).toBeNull();
    expect(result.reason.code).toBe('no_agent_available');
  });

  it('stays within the requested team', () => {
    const agents = [
      agent('eu-1', { teamId: 'eu', languages: ['de'], openCases: 7 }),
      agent('us-1', { teamId: 'us', languages: ['de'] }),
    ];
    const result = routeCase({ ...germanReturn, teamId: 'eu' }, agents);
    expect(result).toMatchObject({ assigneeId: 'eu-1', teamId: 'eu' });
  });
});

describe('routeCase: the least loaded agent, then round robin', () => {
  it('compares load as a share of capacity: 2 of 4 open is busier than 5 of 20', () => {
    const agents = [
      agent('part-timer', { languages: ['de'], capacity: 4, openCases: 2 }),
      agent('full-timer', { languages: ['de'], capacity: 20, openCases: 5 }),
    ];
    const result = routeCase(germanReturn, agents);
    expect(result.assigneeId).toBe('full-timer');
    expect(result.reason).toEqual({
      code: 'least_loaded',
      text: 'Assigned to full-timer, the least loaded of 2 free agents (5 of 20 open).',
      candidates: 2,
    });
  });

  it('breaks a tie in load by giving the case to whoever was assigned longest ago', () => {
    const agents = [
      agent('recent', {
        languages: ['de'],
        capacity: 10,
        openCases: 3,
        lastAssignedAt: at('2024-06-03T09:58:00Z'),
      }),
      agent('earlier', {
        languages: ['de'],
        capacity: 20,
        openCases: 6,
        lastAssignedAt: at('2024-06-03T09:12:00Z'),
      }),
    ];
    const result = routeCase(germanReturn, agents);
    expect(result.assigneeId).toBe('earlier');
    expect(result.reason.code).toBe('round_robin');
    expect(result.reason.text).toBe(
      'Assigned to earlier by round robin: 2 of 2 free agents were equally loaded (6 of 20 open) and earlier is next in turn (last case 2024-06-03T09:12:00.000Z).',
    );
  });

  it('puts an agent who never had a case before everyone, then orders by id', () => {
    const agents = [
      agent('zoe', { languages: ['de'] }),
      agent('anna', { languages: ['de'], lastAssignedAt: at('2024-06-01T08:00:00Z') }),
      agent('mia', { languages: ['de'] }),
    ];
    expect(routeCase(germanReturn, agents)).toMatchObject({
      assigneeId: 'mia',
      reason: { code: 'round_robin' },
    });
  });
});

describe('routeCase: VIP dedicated agents (R-8.3)', () => {
  const vipReturn = { ...germanReturn, dedicatedAgentId: 'klara' };

  it('gives a VIP case to the dedicated agent when online with room, even if others are less loaded', () => {
    const agents = [
      agent('klara', { languages: ['de'], openCases: 9 }),
      agent('jonas', { languages: ['de'] }),
    ];
    expect(routeCase(vipReturn, agents)).toEqual({
      assigneeId: 'klara',
      teamId: 'support',
      reason: {
        code: 'dedicated_agent',
        text: "Assigned to klara, the customer's dedicated agent.",
        candidates: 1,
      },
    });
  });

  it('keeps the case in its team when the dedicated agent belongs to another', () => {
    const agents = [agent('klara', { teamId: 'vip-desk', languages: ['de'] })];
    expect(routeCase({ ...vipReturn, teamId: 'eu' }, agents)).toMatchObject({
      assigneeId: 'klara',
      teamId: 'eu',
    });
  });

  it('routes normally and says so when the dedicated agent is away', () => {
    const agents = [
      agent('klara', { languages: ['de'], presence: 'away' }),
      agent('jonas', { languages: ['de'], openCases: 2 }),
    ];
    const result = routeCase(vipReturn, agents);
    expect(result.assigneeId).toBe('jonas');
    expect(result.reason.code).toBe('dedicated_agent_busy');
    expect(result.reason.text).toBe(
      'Dedicated agent klara is away. Assigned to jonas, the only free agent (2 of 10 open).',
    );
  });

  it('says the dedicated agent is at capacity, or not on the roster', () => {
    const full = [
      agent('klara', { languages: ['de'], capacity: 6, openCases: 6 }),
      agent('jonas', { languages: ['de'] }),
    ];
    expect(routeCase(vipReturn, full).reason.text).toMatch(
      /^Dedicated agent klara is at capacity \(6 of 6 open\)\./,
    );
    expect(routeCase(vipReturn, [agent('jonas', { languages: ['de'] })]).reason.text).toMatch(
      /^Dedicated agent klara is not on the roster\./,
    );
  });
});

describe('routeCase: upset customers go to a senior agent first (R-8.7)', () => {
  const angry = { ...germanReturn, senior: true };

  it('prefers a free lead over a less loaded agent', () => {
    const agents = [
      agent('jonas', { languages: ['de'] }),
      agent('petra', { languages: ['de'], isLead: true, openCases: 6 }),
    ];
    const result = routeCase(angry, agents);
    expect(result.assigneeId).toBe('petra');
    expect(result.reason).toMatchObject({ code: 'senior_agent', candidates: 1 });
    expect(result.reason.text).toBe('Assigned to petra, the only free senior agent (6 of 10 open).');
  });

  it('falls back to any free agent when no lead is free, and says so', () => {
    const agents = [
      agent('jonas', { languages: ['de'], openCases: 1 }),
      agent('petra', { languages: ['de'], isLead: true, presence: 'offline' }),
    ];
    const result = routeCase(angry, agents);
    expect(result.assigneeId).toBe('jonas');
    expect(result.reason.code).toBe('senior_agent_busy');
    expect(result.reason.text).toMatch(/^No senior agent is free\. Assigned to jonas/);
  });

  it('still gives an upset VIP to the dedicated agent first', () => {
    const agents = [
      agent('klara', { languages: ['de'] }),
      agent('petra', { languages: ['de'], isLead: true }),
    ];
    expect(routeCase({ ...angry, dedicatedAgentId: 'klara' }, agents).assigneeId).toBe('klara');
  });
});

describe('routeCase: when nobody can take the case', () => {
  it('queues it in the requested team and says which requirement nobody met', () => {
    const agents = [
      agent('jonas', { teamId: 'eu', languages: ['de'], presence: 'offline' }),
      agent('claire', { teamId: 'eu', languages: ['fr', 'de'], capacity: 12, openCases: 12 }),
      agent('emma', { teamId: 'eu', languages: ['en'] }),
    ];
    expect(routeCase({ ...germanReturn, teamId: 'eu' }, agents)).toEqual({
      assigneeId: null,
      teamId: 'eu',
      reason: {
        code: 'no_agent_available',
        text: "No agent available (3 in team eu, 2 speaking de-DE, 2 handling return/after_sales, 2 working email, 1 online, 0 with room); waiting in team eu's queue.",
        candidates: 0,
      },
    });
  });

  it('picks the team with the most agents who could take it, ties going to the first team id', () => {
    const agents = [
      agent('a', { teamId: 'us', languages: ['en'], presence: 'offline' }),
      agent('b', { teamId: 'dach', languages: ['de'], presence: 'offline' }),
      agent('c', { teamId: 'dach', languages: ['de'], presence: 'away' }),
      agent('d', { teamId: 'benelux', languages: ['de', 'nl'], presence: 'offline' }),
      agent('e', { teamId: 'benelux', languages: ['nl', 'de'], presence: 'offline' }),
    ];
    expect(routeCase(germanReturn, agents).teamId).toBe('benelux');
    expect(routeCase(germanReturn, agents.slice(0, 4)).teamId).toBe('dach');
  });

  it('uses the shared queue when no team has a matching agent', () => {
    const result = routeCase({ ...germanReturn, language: 'ja' }, [agent('emma')]);
    expect(result).toMatchObject({ assigneeId: null, teamId: null });
    expect(result.reason.text).toBe(
      'No agent available (1 agent, 0 speaking ja, 0 handling return/after_sales, 0 working email, 0 online, 0 with room); waiting in the shared queue.',
    );
  });

  it('mentions the busy dedicated agent too', () => {
    const result = routeCase({ ...germanReturn, dedicatedAgentId: 'klara' }, [
      agent('klara', { presence: 'offline' }),
    ]);
    expect(result.reason.code).toBe('no_agent_available');
    expect(result.reason.text).toMatch(/^Dedicated agent klara is offline\. No agent available/);
  });
});
