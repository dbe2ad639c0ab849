import { randomUUID } from 'node:crypto';
import type { InspectionInput, InspectionResult } from '@afterdesk/contract';
import { type Actor, judgeInspection } from '@afterdesk/core';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import type { CaseRow } from '../../db/schema.js';
import { inTenant, type Tx } from '../../db/scope.js';
import { requireAction } from '../access.js';
import { planTransitions } from '../cases/advance-case.js';
import { toCaseView } from '../cases/case-view.js';
import { actorOf, type Ctx } from '../context.js';
import { AppError, type FieldError, invalid, notFound } from '../errors.js';
import { prepareReplacement } from '../exchanges/prepare-replacement.js';
import { owedOnCase, requestRefund } from '../refunds/request-refund.js';
import { lockCase, snapshotOf, stepReturnCase } from './step-return-case.js';

const SYSTEM: Actor = { type: 'system', id: null };

// what a pass leads to. A return's refund runs at once; an exchange's replacement
// and a repair wait for the people who ship and repair, and are now their next step.
const AFTER_PASS = { return: 'refund', exchange: 'ship_replacement', repair: 'complete_repair' } as const;

/**
 * Records the inspection of a received parcel, item by item, and moves the case: passed
 * when every item passed and matched the case, else failed with the reasons, for an
 * agent to refuse or settle. A passed return is refunded at once by the system,
 * through the same record and idempotency key as the refund action, so it pays once.
 */
export async function inspectReturn(
  ctx: Ctx,
  caseId: string,
  input: InspectionInput,
): Promise<InspectionResult> {
  requireAction(ctx, 'pass_inspection');
  const tenantId = ctx.principal.tenantId;
  const at = ctx.clock();
  const by = actorOf(ctx.principal);
  const result = await inTenant(ctx.db, tenantId, async (tx) => {
    const row = await lockCase(tx, caseId);
    if (!row) throw notFound('The case');
    if (input.version !== undefined && input.version !== row.version)
      throw new AppError(
        'version_conflict',
        `The case is at version ${row.version}, not ${input.version}; reload it.`,
      );
    // The machine's own refusal (409 with the allowed actions) before any input is judged.
    planTransitions(snapshotOf(row), [{ type: 'pass_inspection', by, at: at.toISOString() }]);
    const expected = await tx
      .selectFrom('case_items')
      .select(['id as caseItemId', 'sku', 'quantity'])
      .where('case_id', '=', caseId)
      .execute();
    const verdict = judgeInspection(
      expected,
      input.items.map((i) => ({
        caseItemId: i.caseItemId,
        result: i.result as 'passed' | 'failed',
        receivedQuantity: i.receivedQuantity,
        receivedSku: i.receivedSku,
      })),
    );
    if (verdict.kind === 'incomplete')
      throw invalid(
        'The inspection must cover every item of the case, once.',
        verdict.problems.map((p) => ({
          field: p.index === null ? '/items' : `/items/${p.index}/caseItemId`,
          message: p.message,
        })),
      );
    await checkEvidence(tx, caseId, input);
    const passed = verdict.kind === 'passed';
    const reasons = verdict.kind === 'failed' ? verdict.reasons : [];
    await saveInspection(tx, row, input, verdict.items, passed, reasons, by);
    let moved = await stepReturnCase(tx, row, {
      type: passed ? 'pass_inspection' : 'fail_inspection',
      by,
      at,
      ...(passed ? {} : { reason: reasons.join(' ') }),
      data: { items: input.items.length, reasons },
    });
    const nextStep = passed ? (AFTER_PASS[row.kind as keyof typeof AFTER_PASS] ?? null) : null;
    if (nextStep === 'refund') moved = await refundNow(tx, moved, at);
    // An exchange's replacement is reserved now, unless the customer still owes money.
    if (nextStep === 'ship_replacement') await prepareReplacement(tx, moved, SYSTEM, at);
    return { passed, reasons, nextStep, case: toCaseView((await findCaseView(tx, caseId)) as CaseViewRow) };
  });
  ctx.live.publish({
    type: 'case',
    tenantId,
    caseId,
    customerId: result.case.customerId,
    event: result.passed ? 'case.pass_inspection' : 'case.fail_inspection',
    status: result.case.status,
    version: result.case.version,
  });
  return result;
}

// Photos must be this case's, or not yet attached to any case; they are attached here.
async function checkEvidence(tx: Tx, caseId: string, input: InspectionInput) {
  const errors: FieldError[] = [];
  for (const [index, item] of input.items.entries()) {
    for (const [k, id] of (item.evidenceIds ?? []).entries()) {
      const file = await tx
        .selectFrom('evidence_files')
        .select('case_id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!file || (file.case_id !== null && file.case_id !== caseId))
        errors.push({
          field: `/items/${index}/evidenceIds/${k}`,
          message: 'No such evidence file for this case.',
        });
    }
  }
  if (errors.length > 0) throw invalid('Some evidence files are not this case’s.', errors);
}

async function saveInspection(
  tx: Tx,
  row: CaseRow,
  input: InspectionInput,
  verdicts: { caseItemId: string; failure: string | null }[],
  passed: boolean,
  reasons: string[],
  by: Actor,
) {
  const inspectionId = randomUUID();
  await tx
    .insertInto('inspections')
    .values({
      id: inspectionId,
      tenant_id: row.tenant_id,
      case_id: row.id,
      passed,
      notes: reasons.join(' ') || null,
      inspected_by: by.id,
    })
    .execute();
  const failureOf = new Map(verdicts.map((v) => [v.caseItemId, v.failure]));
  await tx
    .insertInto('inspection_items')
    .values(
      input.items.map((i) => {
        const failure = failureOf.get(i.caseItemId) ?? null;
        return {
          id: randomUUID(),
          tenant_id: row.tenant_id,
          inspection_id: inspectionId,
          case_id: row.id,
          case_item_id: i.caseItemId,
          // A mismatch fails the item whatever the inspector ticked.
          result: failure ? 'failed' : i.result,
          grade: i.grade ?? null,
          notes: i.notes ?? null,
          evidence_ids: i.evidenceIds ?? [],
          disposition: i.disposition,
          received_quantity: i.receivedQuantity ?? null,
          received_sku: i.receivedSku ?? null,
          mismatch: failure === 'wrong_item' || failure === 'missing_quantity' ? failure : null,
        };
      }),
    )
    .execute();
  for (const i of input.items)
    for (const id of i.evidenceIds ?? [])
      await tx
        .updateTable('evidence_files')
        .set({ case_id: row.id, case_item_id: i.caseItemId })
        .where('id', '=', id)
        .where('case_id', 'is', null)
        .execute();
}

// The refundable amount the policy decided, to the original payment method. The key is
// the refund action's own (`case:<id>:refund`): whichever path runs first pays, once.
async function refundNow(tx: Tx, row: CaseRow, at: Date): Promise<CaseRow> {
  const amountMinor = Number(row.refundable_minor ?? 0);
  const currency = row.currency ?? 'XXX';
  const method = 'original_payment';
  const refunded = await stepReturnCase(tx, row, {
    type: 'refund',
    by: SYSTEM,
    at,
    reason: 'Refunded automatically: the goods passed inspection.',
    data: { amountMinor, currency, method },
  });
  if (amountMinor > 0) {
    await requestRefund(tx, {
      ...owedOnCase(row),
      amountMinor,
      currency,
      method,
      idempotencyKey: `case:${row.id}:refund`,
      by: SYSTEM,
      at,
    });
  }
  return refunded;
}
