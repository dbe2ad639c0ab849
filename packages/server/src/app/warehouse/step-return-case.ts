import type { Actor, CaseActionType, CaseSnapshot, CaseStatus } from '@afterdesk/core';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { advanceCase } from '../cases/advance-case.js';
import { updateCaseClocks } from '../sla/case-clocks.js';

/** A case row read for a system step: locked, so carrier, scanner and agent take turns. */
export function lockCase(tx: Tx, caseId: string): Promise<CaseRow | undefined> {
  return tx.selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
}

export function snapshotOf(row: CaseRow): CaseSnapshot {
  return {
    id: row.id,
    kind: row.kind as CaseSnapshot['kind'],
    status: row.status as CaseStatus,
    version: row.version,
  };
}

/** A step the system takes, at `at`; `parcelAt` is when the parcel really moved, if known. */
export interface SystemStep {
  type: CaseActionType;
  by: Actor;
  at: Date;
  parcelAt?: Date;
  reason?: string;
  data?: Record<string, unknown>;
}

/**
 * One machine step the system takes on a return case (a carrier scan, a warehouse scan,
 * an inspection's consequence), with what `performCaseAction` records beside it: the
 * parcel's times and the service-level clocks. Returns the row as it now stands.
 */
export async function stepReturnCase(tx: Tx, row: CaseRow, step: SystemStep): Promise<CaseRow> {
  const { parcelAt, ...action } = step;
  const at = step.at.toISOString();
  const next = await advanceCase(tx, row.tenant_id, snapshotOf(row), { ...action, at });
  if (step.type === 'ship' || step.type === 'receive') {
    const column = step.type === 'ship' ? 'shipped_at' : 'received_at';
    await tx
      .updateTable('return_shipments')
      .set({ [column]: (parcelAt ?? step.at).toISOString() })
      .where('case_id', '=', row.id)
      .where(column, 'is', null)
      .execute();
  }
  await updateCaseClocks(tx, row, {
    type: 'status_changed',
    from: row.status as CaseStatus,
    to: next.status,
    at: step.at,
    by: 'service',
  });
  return { ...row, status: next.status, version: next.version };
}
