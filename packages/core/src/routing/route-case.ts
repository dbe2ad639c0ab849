import {
  type AgentState,
  compareForAssignment,
  compareLoad,
  hasSkill,
  isFree,
  isUnknownLanguage,
  type RoutingRequest,
  speaks,
  worksChannel,
} from './agent-state.js';

/**
 * Why a case went where it went. `dedicated_agent_busy` and `senior_agent_busy` mean the
 * preferred agent could not take it (the first wins when both apply); the text then says
 * who took the case and how they were chosen.
 */
export type RoutingCode =
  | 'dedicated_agent'
  | 'senior_agent'
  | 'least_loaded'
  | 'round_robin'
  | 'dedicated_agent_busy'
  | 'senior_agent_busy'
  | 'no_agent_available';

/** Stored on the assignment event, so anyone can later see why a case landed where it did. */
export interface RoutingReason {
  code: RoutingCode;
  /** Plain English, for the timeline. */
  text: string;
  /** How many agents the final choice was made among (0 when the case waits in a queue). */
  candidates: number;
}

/** Either an agent, or the team queue the case waits in (`teamId` null: the shared queue). */
export type RoutingResult =
  | { assigneeId: string; teamId: string | null; reason: RoutingReason }
  | { assigneeId: null; teamId: string | null; reason: RoutingReason };

/**
 * Picks the agent for a new case: the VIP's dedicated agent when free; else,
 * among online agents with room who speak the customer's language, handle the kind or
 * category and work the channel, a lead for upset customers, else the least loaded, with
 * ties going round robin. Nobody is ever assigned past their capacity; when nobody fits the
 * case waits in a team queue.
 */
export function routeCase(request: RoutingRequest, agents: readonly AgentState[]): RoutingResult {
  const notes: string[] = [];
  let fallback: RoutingCode | null = null;

  if (request.dedicatedAgentId) {
    const dedicated = agents.find((a) => a.id === request.dedicatedAgentId);
    if (dedicated && isFree(dedicated)) {
      const text = `Assigned to ${dedicated.id}, the customer's dedicated agent.`;
      return assigned(request, dedicated, { code: 'dedicated_agent', text, candidates: 1 });
    }
    notes.push(`Dedicated agent ${request.dedicatedAgentId} is ${unavailability(dedicated)}.`);
    fallback = 'dedicated_agent_busy';
  }

  const scope = request.teamId ? agents.filter((a) => a.teamId === request.teamId) : agents;
  const funnel = narrow(scope, request);
  const free = funnel.at(-1)?.agents ?? [];
  if (free.length === 0) {
    const teamId = request.teamId ?? busiestMatchingTeam(agents, request);
    const queue = teamId ? `team ${teamId}'s queue` : 'the shared queue';
    const counts = funnel.map((step) => `${step.agents.length} ${step.label}`).join(', ');
    notes.push(`No agent available (${counts}); waiting in ${queue}.`);
    return {
      assigneeId: null,
      teamId,
      reason: { code: 'no_agent_available', text: join(notes), candidates: 0 },
    };
  }

  let pool = free;
  let who = 'free agent';
  let code: RoutingCode | null = null;
  if (request.senior) {
    const leads = free.filter((a) => a.isLead);
    if (leads.length > 0) {
      pool = leads;
      who = 'free senior agent';
      code = 'senior_agent';
    } else {
      notes.push('No senior agent is free.');
      fallback ??= 'senior_agent_busy';
    }
  }

  const ranked = [...pool].sort(compareForAssignment);
  const chosen = ranked[0] as AgentState;
  const tied = ranked.filter((a) => compareLoad(a, chosen) === 0).length;
  const load = `${chosen.openCases} of ${chosen.capacity} open`;
  notes.push(
    tied > 1
      ? `Assigned to ${chosen.id} by round robin: ${tied} of ${pool.length} ${who}s were equally loaded (${load}) and ${chosen.id} is next in turn (${lastCase(chosen)}).`
      : pool.length === 1
        ? `Assigned to ${chosen.id}, the only ${who} (${load}).`
        : `Assigned to ${chosen.id}, the least loaded of ${pool.length} ${who}s (${load}).`,
  );
  const method: RoutingCode = tied > 1 ? 'round_robin' : 'least_loaded';
  return assigned(request, chosen, {
    code: fallback ?? code ?? method,
    text: join(notes),
    candidates: pool.length,
  });
}

function assigned(request: RoutingRequest, agent: AgentState, reason: RoutingReason): RoutingResult {
  // The case stays in the team it was filed under; a dedicated agent from elsewhere helps out.
  return { assigneeId: agent.id, teamId: request.teamId ?? agent.teamId, reason };
}

function lastCase(agent: AgentState): string {
  const at = agent.lastAssignedAt;
  return at && !Number.isNaN(at.getTime()) ? `last case ${at.toISOString()}` : 'no case yet';
}

function unavailability(agent: AgentState | undefined): string {
  if (!agent) return 'not on the roster';
  if (agent.presence !== 'online') return agent.presence;
  return `at capacity (${agent.openCases} of ${agent.capacity} open)`;
}

interface FunnelStep {
  label: string;
  agents: readonly AgentState[];
}

// Each filter in turn, so the queue text can say which requirement nobody met.
function narrow(scope: readonly AgentState[], request: RoutingRequest): FunnelStep[] {
  const steps: FunnelStep[] = [
    {
      label: request.teamId ? `in team ${request.teamId}` : scope.length === 1 ? 'agent' : 'agents',
      agents: scope,
    },
  ];
  const add = (label: string, keep: (a: AgentState) => boolean) => {
    const previous = steps.at(-1)?.agents ?? [];
    steps.push({ label, agents: previous.filter(keep) });
  };
  if (!isUnknownLanguage(request.language))
    add(`speaking ${request.language}`, (a) => speaks(a, request.language));
  add(`handling ${request.kind}/${request.category}`, (a) => hasSkill(a, request.kind, request.category));
  add(`working ${request.channel}`, (a) => worksChannel(a, request.channel));
  add('online', (a) => a.presence === 'online');
  add('with room', isFree);
  return steps;
}

/** Whether the agent could take this case if online with room: language, skill and channel. */
function matches(agent: AgentState, request: RoutingRequest): boolean {
  return (
    speaks(agent, request.language) &&
    hasSkill(agent, request.kind, request.category) &&
    worksChannel(agent, request.channel)
  );
}

// The queue whose agents will most likely pick the case up once someone frees up.
function busiestMatchingTeam(agents: readonly AgentState[], request: RoutingRequest): string | null {
  const counts = new Map<string, number>();
  for (const agent of agents) {
    if (agent.teamId !== null && matches(agent, request)) {
      counts.set(agent.teamId, (counts.get(agent.teamId) ?? 0) + 1);
    }
  }
  let best: [string, number] | null = null;
  for (const entry of counts) {
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  }
  return best?.[0] ?? null;
}

const join = (notes: string[]) => notes.join(' ');
