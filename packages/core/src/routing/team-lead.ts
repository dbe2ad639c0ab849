import type { AgentState } from './agent-state.js';

const PRESENCE_ORDER = { online: 0, away: 1, offline: 2 } as const;

/**
 * Whom to escalate a case to: the team's lead who is online, else one who is away, else any
 * lead of the team (an escalation must land somewhere, even overnight). A null team's leads
 * are the leads with no team: the head of service for cases no team owns.
 */
export function teamLeadOf(teamId: string | null, agents: readonly AgentState[]): string | null {
  const leads = agents
    .filter((a) => a.isLead && a.teamId === teamId)
    .sort((a, b) => PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] || (a.id < b.id ? -1 : 1));
  return leads[0]?.id ?? null;
}
