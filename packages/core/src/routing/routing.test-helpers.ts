import type { AgentState } from './agent-state.js';

/** An online generalist with room, so each test states only what matters to it. */
export function agent(id: string, overrides: Partial<AgentState> = {}): AgentState {
  return {
    id,
    teamId: 'support',
    isLead: false,
    languages: ['en'],
    skills: [],
    channels: [],
    capacity: 10,
    openCases: 0,
    presence: 'online',
    lastAssignedAt: null,
    ...overrides,
  };
}

export const at = (iso: string) => new Date(iso);
