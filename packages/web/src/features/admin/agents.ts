import type { AgentProfilePatch, AgentView } from '@afterdesk/contract';

export type { AgentProfilePatch, AgentView };
export interface TeamView {
  id: string;
  name: string;
  memberCount: number;
  createdAt: string;
}
export const ROLES = ['agent', 'logistics', 'quality', 'manager', 'admin'] as const;
export const CHANNELS = ['email', 'chat', 'web', 'phone', 'social', 'api'] as const;
export const PRESENCES = ['online', 'away', 'offline'] as const;
export const agentsKey = ['agents'] as const;
export const teamsKey = ['teams'] as const;
