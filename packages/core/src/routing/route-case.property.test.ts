import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CASE_KINDS, CHANNELS } from '../cases/index.js';
import {
  type AgentState,
  hasSkill,
  isFree,
  type RoutingRequest,
  speaks,
  worksChannel,
} from './agent-state.js';
import { routeCase } from './route-case.js';

const LANGUAGES = ['en', 'en-US', 'de', 'de-AT', 'zh-CN', 'zh-TW', 'fr', 'ja'];
const TEAMS = ['eu', 'cn', 'us', null];

const agentArb = (id: string): fc.Arbitrary<AgentState> =>
  fc.record({
    id: fc.constant(id),
    teamId: fc.constantFrom(...TEAMS),
    isLead: fc.boolean(),
    languages: fc.subarray(LANGUAGES),
    skills: fc.subarray<string>([...CASE_KINDS, ...CASE_CATEGORIES], { maxLength: 3 }),
    channels: fc.subarray([...CHANNELS], { maxLength: 3 }),
    capacity: fc.integer({ min: 0, max: 12 }),
    openCases: fc.integer({ min: 0, max: 14 }),
    presence: fc.constantFrom('online', 'away', 'offline'),
    lastAssignedAt: fc.option(
      fc.integer({ min: 1_717_000_000_000, max: 1_717_100_000_000 }).map((ms) => new Date(ms)),
      { nil: null },
    ),
  });

const agentsArb = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agentArb(`agent-${i}`))));

const requestArb: fc.Arbitrary<RoutingRequest> = fc.record({
  kind: fc.constantFrom(...CASE_KINDS),
  category: fc.constantFrom(...CASE_CATEGORIES),
  channel: fc.constantFrom(...CHANNELS),
  language: fc.constantFrom(...LANGUAGES, ''),
  teamId: fc.constantFrom(...TEAMS, undefined),
  dedicatedAgentId: fc.constantFrom('agent-0', 'agent-3', 'gone', null, undefined),
  senior: fc.boolean(),
});

const ratio = (a: AgentState) => a.openCases / a.capacity;

describe('routeCase, for any roster and any case', () => {
  it('never assigns an agent who is not online with room', () => {
    fc.assert(
      fc.property(requestArb, agentsArb, (request, agents) => {
        const { assigneeId } = routeCase(request, agents);
        if (assigneeId !== null)
          expect(isFree(agents.find((a) => a.id === assigneeId) as AgentState)).toBe(true);
      }),
    );
  });

  it('assigns someone exactly when a matching agent is free or the dedicated agent is', () => {
    fc.assert(
      fc.property(requestArb, agentsArb, (request, agents) => {
        const eligible = (a: AgentState) =>
          isFree(a) &&
          (!request.teamId || a.teamId === request.teamId) &&
          speaks(a, request.language) &&
          hasSkill(a, request.kind, request.category) &&
          worksChannel(a, request.channel);
        const dedicatedFree = agents.some((a) => a.id === request.dedicatedAgentId && isFree(a));
        const result = routeCase(request, agents);
        expect(result.assigneeId !== null).toBe(dedicatedFree || agents.some(eligible));
        if (result.assigneeId !== null && result.reason.code !== 'dedicated_agent') {
          const chosen = agents.find((a) => a.id === result.assigneeId) as AgentState;
          expect(eligible(chosen)).toBe(true);
          // Nobody in the pool the choice was made from is less loaded.
          const pool = agents.filter(eligible).filter((a) => !request.senior || a.isLead === chosen.isLead);
          for (const other of pool) expect(ratio(other)).toBeGreaterThanOrEqual(ratio(chosen));
        }
      }),
    );
  });

  it('gives the same answer whatever order the agents are listed in', () => {
    fc.assert(
      fc.property(
        requestArb,
        agentsArb.chain((agents) =>
          fc.tuple(fc.constant(agents), fc.shuffledSubarray(agents, { minLength: agents.length })),
        ),
        (request, [agents, shuffled]) => {
          expect(routeCase(request, shuffled)).toEqual(routeCase(request, agents));
        },
      ),
    );
  });

  it('always explains itself, with no candidates exactly when nobody was assigned', () => {
    fc.assert(
      fc.property(requestArb, agentsArb, (request, agents) => {
        const { assigneeId, reason } = routeCase(request, agents);
        expect(reason.text.length).toBeGreaterThan(0);
        expect(reason.candidates === 0).toBe(assigneeId === null);
        expect(reason.code === 'no_agent_available').toBe(assigneeId === null);
      }),
    );
  });
});
