import { errorMessage } from '../../ui/api';
import { assignCase, type CaseSummary, postCaseAction } from '../case';

export const BULK_ACTIONS = ['approve', 'reject', 'assign_me', 'close'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** The permission each bulk action needs. */
export const BULK_PERMISSION: Record<BulkAction, string> = {
  approve: 'cases:review',
  reject: 'cases:review',
  assign_me: 'cases:read',
  close: 'cases:close',
};

export interface BulkResult {
  caseId: string;
  number: number;
  ok: boolean;
  error?: string;
}

/**
 * Runs one action on each case in turn, with the version the agent saw, and reports each
 * outcome: one refusal (a stale version, a status that does not allow it) stops nothing.
 */
export async function runBulk(
  action: BulkAction,
  cases: CaseSummary[],
  options: { reason?: string; agentId?: string | null },
  onResult: (result: BulkResult) => void,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const item of cases) {
    let result: BulkResult;
    try {
      if (action === 'assign_me') await assignCase(item.id, { assigneeId: options.agentId ?? null });
      else
        await postCaseAction(item.id, action, item.version, options.reason ? { reason: options.reason } : {});
      result = { caseId: item.id, number: item.number, ok: true };
    } catch (error) {
      result = { caseId: item.id, number: item.number, ok: false, error: errorMessage(error) };
    }
    results.push(result);
    onResult(result);
  }
  return results;
}
