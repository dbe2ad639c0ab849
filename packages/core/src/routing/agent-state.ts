import type { CaseCategory, CaseKind, Channel } from '../cases/index.js';

/** An agent as the router sees them at one moment: what they can handle and how busy they are. */
export interface AgentState {
  id: string;
  teamId: string | null;
  /** Leads are the senior agents upset customers go to first and the escalation point. */
  isLead: boolean;
  /** BCP-47 tags, matched on the primary subtag: 'zh' serves 'zh-CN' and 'zh-TW'. Empty = none. */
  languages: string[];
  /** Case kinds and/or categories the agent handles; empty means all. */
  skills: string[];
  /** Channels the agent works; empty means all. */
  channels: Channel[];
  /** How many open cases the agent holds at most; the router never goes past it. */
  capacity: number;
  openCases: number;
  presence: 'online' | 'away' | 'offline';
  lastAssignedAt: Date | null;
}

/** What the router needs to know about a case to find it an agent. */
export interface RoutingRequest {
  kind: CaseKind;
  category: CaseCategory;
  channel: Channel;
  /** The customer's language; '' or 'und' when unknown, which any agent may serve. */
  language: string;
  /** Routes within this team only, and queues there when nobody is free. */
  teamId?: string | null;
  /** A VIP's dedicated agent, who gets the case when online with room, whatever the team. */
  dedicatedAgentId?: string | null;
  /** Angry or anxious customers go to a senior agent (a lead) first. */
  senior?: boolean;
}

// The primary subtag decides: a customer writing zh-TW is served by an agent who lists zh-CN.
const primarySubtag = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** True when the customer's language is unknown, so it cannot rule any agent out. */
export function isUnknownLanguage(tag: string): boolean {
  const primary = primarySubtag(tag);
  return primary === '' || primary === 'und' || primary === 'mul';
}

/** Whether the agent speaks the customer's language (any agent does when it is unknown). */
export function speaks(agent: AgentState, language: string): boolean {
  if (isUnknownLanguage(language)) return true;
  const wanted = primarySubtag(language);
  return agent.languages.some((tag) => primarySubtag(tag) === wanted);
}

/** Whether the agent handles the case's kind or its category. */
export function hasSkill(agent: AgentState, kind: CaseKind, category: CaseCategory): boolean {
  return agent.skills.length === 0 || agent.skills.includes(kind) || agent.skills.includes(category);
}

/** Whether the agent works the channel the case came in on. */
export function worksChannel(agent: AgentState, channel: Channel): boolean {
  return agent.channels.length === 0 || agent.channels.includes(channel);
}

/** Online with room for one more case: away agents may not answer for hours. */
export function isFree(agent: AgentState): boolean {
  return agent.presence === 'online' && agent.capacity > 0 && agent.openCases < agent.capacity;
}

/**
 * Orders agents for the next assignment: lowest share of capacity in use first, then the one
 * whose last assignment is longest ago (never assigned first), then id so the result never
 * depends on the order agents were listed in.
 */
export function compareForAssignment(a: AgentState, b: AgentState): number {
  return compareLoad(a, b) || compareLastAssigned(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * By share of capacity, not absolute count: a part-timer with 2 of 4 is busier than a
 * full-timer with 5 of 20. Cross-multiplied so 1/3 and 2/6 tie exactly, with no float error.
 */
export function compareLoad(a: AgentState, b: AgentState): number {
  return Math.sign(a.openCases * b.capacity - b.openCases * a.capacity);
}

function compareLastAssigned(a: AgentState, b: AgentState): number {
  const at = (agent: AgentState) => agent.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return Math.sign(at(a) - at(b)) || 0;
}
