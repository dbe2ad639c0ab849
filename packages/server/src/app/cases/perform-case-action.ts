import { randomUUID } from 'node:crypto';
import type { CaseActionInput } from '@afterdesk/contract';
import type { CaseActionType, CaseSnapshot, CaseStatus } from '@afterdesk/core';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { requireAction, requireOwnership } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { openPaymentLink } from '../exchanges/open-payment-link.js';
import { shipReplacement } from '../exchanges/ship-replacement.js';
import { updateCaseClocks } from '../sla/case-clocks.js';
import { type Advance, advanceCase } from './advance-case.js';
import { toCaseView } from './case-view.js';
import { issueReturnLabel } from './issue-return-label.js';
import { decideDispute, refundCase } from './refund-case.js';
import { isReturnless } from './returnless.js';

/**
 * Moves a case one step through its life cycle (one endpoint per action). The machine
 * decides whether the step is allowed; this file only adds each step's record: the
 * return label, the parcel's times, the inspection, the refund.
 */
export async function performCaseAction(
  ctx: Ctx,
  caseId: string,
  action: CaseActionType,
  input: CaseActionInput,
) {
  requireAction(ctx, action);
  const tenantId = ctx.principal.tenantId;
  const view = await inTenant(ctx.db, tenantId, async (tx) => {
    const row = await findCase(tx, caseId);
    if (!row) throw notFound('The case');
    requireOwnership(ctx, row.customer_id, 'The case');
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError(
        'version_conflict',
        `The case is at version ${row.version}, not ${input.version}; reload it.`,
      );
    }
    const snapshot: CaseSnapshot = {
      id: row.id,
      kind: row.kind as CaseSnapshot['kind'],
      status: row.status as CaseSnapshot['status'],
      version: row.version,
      // "Keep it": the machine offers the refund straight from approved (see returnless.ts).
      ...(row.kind === 'return' ? { returnless: await isReturnless(tx, row.id) } : {}),
    };
    const step: Advance = {
      type: action,
      by: actorOf(ctx.principal),
      at: ctx.clock().toISOString(),
      reason: input.reason,
    };

    switch (action) {
      case 'approve': {
        const approved = await advanceCase(tx, tenantId, snapshot, step);
        // Nothing travels for refund only, nor for goods the customer keeps.
        if (approved.kind !== 'refund_only' && !approved.returnless)
          await issueReturnLabel(ctx, tx, tenantId, approved, step.by, step.at, input.pickup);
        if (approved.kind === 'exchange') await openPaymentLink(ctx, tx, caseId, new Date(step.at));
        break;
      }
      case 'issue_label':
        await issueReturnLabel(ctx, tx, tenantId, snapshot, step.by, step.at, input.pickup);
        break;
      case 'reject':
        await advanceCase(tx, tenantId, snapshot, {
          ...step,
          data: { alternatives: input.alternatives ?? [] },
        });
        break;
      case 'ship':
        await advanceCase(tx, tenantId, snapshot, {
          ...step,
          data: { carrier: input.carrier ?? null, trackingNumber: input.trackingNumber ?? null },
        });
        await tx
          .updateTable('return_shipments')
          .set({
            shipped_at: step.at,
            customer_carrier: input.carrier ?? null,
            tracking_number: input.trackingNumber ?? null,
          })
          .where('case_id', '=', caseId)
          .execute();
        break;
      case 'receive':
        await advanceCase(tx, tenantId, snapshot, step);
        await tx
          .updateTable('return_shipments')
          .set({ received_at: step.at })
          .where('case_id', '=', caseId)
          .execute();
        break;
      case 'pass_inspection':
      case 'fail_inspection':
        await advanceCase(tx, tenantId, snapshot, { ...step, data: { notes: input.notes ?? null } });
        await tx
          .insertInto('inspections')
          .values({
            id: randomUUID(),
            tenant_id: tenantId,
            case_id: caseId,
            passed: action === 'pass_inspection',
            notes: input.notes ?? null,
            inspected_by: step.by.id,
          })
          .execute();
        break;
      case 'refund':
      case 'settle':
        await refundCase(ctx, tx, row, snapshot, step, input);
        break;
      case 'decide':
        await decideDispute(tx, row, snapshot, step, input);
        break;
      case 'refer_to_arbitration':
        await advanceCase(tx, tenantId, snapshot, { ...step, data: { group: input.group } });
        await tx
          .updateTable('cases')
          .set({ arbitration_group: input.group ?? null })
          .where('id', '=', caseId)
          .execute();
        break;
      case 'ship_replacement':
        await shipReplacement(tx, snapshot, step, input);
        break;
      case 'record_mediation':
        await advanceCase(tx, tenantId, snapshot, {
          ...step,
          data: { mediator: input.mediator, notes: input.notes ?? null },
        });
        break;
      default:
        await advanceCase(tx, tenantId, snapshot, step);
    }
    // A cheap read of the new status; the full view is read once, after the clocks moved.
    const moved = await tx
      .selectFrom('cases')
      .select('status')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    if (moved.status !== row.status) {
      const at = new Date(step.at);
      await tx
        .updateTable('cases')
        .set({ solved_at: moved.status === 'solved' ? at : null })
        .where('id', '=', caseId)
        .execute();
      await updateCaseClocks(tx, row, {
        type: 'status_changed',
        from: row.status as CaseStatus,
        to: moved.status as CaseStatus,
        at,
        by: step.by.type === 'customer' ? 'customer' : 'service',
      });
    }
    return toCaseView((await findCaseView(tx, caseId)) as CaseViewRow);
  });
  ctx.live.publish({
    type: 'case',
    tenantId,
    caseId,
    customerId: view.customerId,
    event: `case.${action}`,
    status: view.status,
    version: view.version,
  });
  return view;
}
