import type { CaseView, MessageView } from '@afterdesk/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../ui/api';

export type { CaseView, MessageView };

/** A row of GET /cases: the case without its details. */
export type CaseSummary = Pick<
  CaseView,
  | 'id'
  | 'number'
  | 'kind'
  | 'status'
  | 'version'
  | 'orderId'
  | 'customerId'
  | 'language'
  | 'channel'
  | 'priority'
  | 'returnCode'
  | 'refundableMinor'
  | 'currency'
  | 'category'
  | 'subject'
  | 'assigneeId'
  | 'teamId'
  | 'slaDueAt'
  | 'intent'
  | 'sentiment'
  | 'createdAt'
  | 'updatedAt'
>;

export interface CasePage {
  items: CaseSummary[];
  nextCursor: string | null;
}

/** One finding of POST /replies/check (see ReplyFindingView in the contract). */
export interface ReplyFinding {
  kind: string;
  severity: 'block' | 'warn' | string;
  messageKey: string;
  message: string;
  phrase?: string;
  index?: number;
  length?: number;
  suggestion?: string;
}

export interface ReplyCheck {
  blocked: boolean;
  language: string;
  findings: ReplyFinding[];
}

export interface Macro {
  id: string;
  name: string;
  category: string | null;
  variants: Record<string, { subject?: string; body: string }>;
}

export const caseKey = (caseId: string) => ['case', caseId] as const;
export const messagesKey = (caseId: string) => ['case', caseId, 'messages'] as const;

export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKey(caseId),
    queryFn: ({ signal }) => api<CaseView>('GET', `/cases/${caseId}`, { signal }),
  });
}

/** The URL segment of an action: pass_inspection → pass-inspection. */
export function actionSegment(action: string): string {
  return action.replaceAll('_', '-');
}

/** Moves a case, with the version the agent saw so a concurrent change answers 409. */
export function postCaseAction(
  caseId: string,
  action: string,
  version: number,
  extra: Record<string, unknown> = {},
): Promise<CaseView> {
  return api<CaseView>('POST', `/cases/${caseId}/actions/${actionSegment(action)}`, {
    body: { version, ...extra },
  });
}

/** Assigns a case to an agent or a team (null clears it). */
export function assignCase(
  caseId: string,
  body: { assigneeId?: string | null; teamId?: string | null; reason?: string },
) {
  return api<CaseView>('POST', `/cases/${caseId}/assign`, { body });
}

/** The macro's text in the case's language: exact tag, then its primary subtag, then English, then any. */
export function macroVariant(macro: Macro, language: string) {
  const tags = Object.keys(macro.variants);
  const base = language.split('-')[0]?.toLowerCase();
  const tag =
    tags.find((t) => t.toLowerCase() === language.toLowerCase()) ??
    tags.find((t) => t.split('-')[0]?.toLowerCase() === base) ??
    tags.find((t) => t === 'en') ??
    tags[0];
  return tag ? macro.variants[tag] : undefined;
}

export interface AgentRef {
  id: string;
  name: string;
  teamId: string | null;
}

/** The tenant's agents, to name assignees (every staff role may read them). */
export function useAgents() {
  return useQuery({
    queryKey: ['agents'],
    queryFn: ({ signal }) => api<{ items: AgentRef[] }>('GET', '/agents', { signal }),
    staleTime: 5 * 60_000,
    select: (data) => new Map(data.items.map((a) => [a.id, a])),
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api<{ items: { id: string; name: string }[] }>('GET', '/teams', { signal }),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });
}
