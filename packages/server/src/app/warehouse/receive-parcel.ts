import type { WarehouseReceiptInput, WarehouseReceiptResult } from '@afterdesk/contract';
import { can, normalizeReturnCode } from '@afterdesk/core';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import { inTenant, type Tx } from '../../db/scope.js';
import { toCaseView } from '../cases/case-view.js';
import { actorOf, type Ctx, principalKind } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { lockCase, stepReturnCase } from './step-return-case.js';

/** Receiving is the warehouse's job: the people who move parcels or inspect them may scan. */
export function requireWarehouse(ctx: Ctx): void {
  const kind = principalKind(ctx.principal);
  if (!can(kind, 'cases:logistics') && !can(kind, 'cases:inspect'))
    throw forbidden('Your role may not receive parcels at the warehouse.');
}

/**
 * The warehouse scans a returned parcel, by the return code on it or its waybill, and the
 * case is received. Scanning the same parcel again changes nothing and says
 * so, because a parcel is often scanned at the dock and again at the inspection bench.
 */
export async function receiveParcel(ctx: Ctx, input: WarehouseReceiptInput): Promise<WarehouseReceiptResult> {
  requireWarehouse(ctx);
  const tenantId = ctx.principal.tenantId;
  const result = await inTenant(ctx.db, tenantId, async (tx) => {
    const caseId = await caseOfCode(tx, input.code.trim());
    const row = caseId ? await lockCase(tx, caseId) : undefined;
    if (!row) throw notFound('A return with this return code or waybill');
    const shipment = await tx
      .selectFrom('return_shipments')
      .select('received_at')
      .where('case_id', '=', row.id)
      .executeTakeFirst();
    // Only a parcel still expected can be received; one received before is a rescan, and
    // anything else (a cancelled case) gets the machine's refusal.
    const expected = row.status === 'awaiting_return' || row.status === 'in_transit';
    const alreadyReceived = !expected && shipment?.received_at != null;
    if (!alreadyReceived)
      await stepReturnCase(tx, row, {
        type: 'receive',
        by: actorOf(ctx.principal),
        at: ctx.clock(),
        data: { code: input.code.trim() },
      });
    return { alreadyReceived, case: toCaseView((await findCaseView(tx, row.id)) as CaseViewRow) };
  });
  if (!result.alreadyReceived)
    ctx.live.publish({
      type: 'case',
      tenantId,
      caseId: result.case.id,
      customerId: result.case.customerId,
      event: 'case.receive',
      status: result.case.status,
      version: result.case.version,
    });
  return result;
}

// A return code is forgiving of how it was typed; a waybill is matched as printed, and so
// is the customer's own tracking number when they shipped it themselves.
async function caseOfCode(tx: Tx, code: string): Promise<string | null> {
  const returnCode = normalizeReturnCode(code);
  if (returnCode) {
    const byCode = await tx
      .selectFrom('cases')
      .select('id')
      .where('return_code', '=', returnCode)
      .executeTakeFirst();
    if (byCode) return byCode.id;
  }
  const byWaybill = await tx
    .selectFrom('return_shipments')
    .select('case_id')
    .where((eb) => eb.or([eb('waybill_number', '=', code), eb('tracking_number', '=', code)]))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return byWaybill?.case_id ?? null;
}
