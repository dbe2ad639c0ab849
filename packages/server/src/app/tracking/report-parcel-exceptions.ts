import { randomUUID } from 'node:crypto';
import type { Actor, ParcelExceptionReason } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { advanceCase } from '../cases/advance-case.js';
import { openConversationCase } from '../conversations/open-conversation-case.js';
import { snapshotOf } from '../warehouse/step-return-case.js';

/** Something that went wrong with an outbound parcel. */
export interface ParcelException {
  carrier: string;
  trackingNumber: string;
  orderId: string;
  customerId: string;
  language: string | null;
  reason: ParcelExceptionReason;
  /** The carrier's event time, or the estimated delivery a delay missed. */
  occurredAt: Date;
  location: string | null;
}

const SYSTEM: Actor = { type: 'system', id: null };

/**
 * Opens a logistics case for each parcel in trouble, or adds to the one already open for
 * that parcel (the partial unique index on `cases.parcel_number` allows only one), and
 * records `case.logistics_exception`, which the notifier turns into a message to the
 * customer. A report seen before (same parcel, reason and time) changes nothing.
 * Returns the ids of the cases written to.
 */
export async function reportParcelExceptions(
  tx: Tx,
  tenantId: string,
  exceptions: ParcelException[],
  now: Date,
): Promise<string[]> {
  const touched: string[] = [];
  for (const e of exceptions) {
    const seen = await tx
      .selectFrom('parcel_exceptions')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('tracking_number', '=', e.trackingNumber)
      .where('reason', '=', e.reason)
      .where('occurred_at', '=', e.occurredAt)
      .executeTakeFirst();
    if (seen) continue;
    const c =
      (await openCaseOf(tx, tenantId, e.trackingNumber, now)) ?? (await openCase(tx, tenantId, e, now));
    await tx
      .insertInto('parcel_exceptions')
      .values({
        id: randomUUID(),
        tenant_id: tenantId,
        case_id: c.id,
        order_id: e.orderId,
        carrier: e.carrier,
        tracking_number: e.trackingNumber,
        reason: e.reason,
        occurred_at: e.occurredAt,
      })
      .execute();
    await appendEvents(tx, [
      {
        tenant_id: tenantId,
        stream: 'case',
        stream_id: c.id,
        type: 'case.logistics_exception',
        actor_type: SYSTEM.type,
        actor_id: SYSTEM.id,
        reason: null,
        data: {
          orderId: e.orderId,
          carrier: e.carrier,
          trackingNumber: e.trackingNumber,
          reason: e.reason,
          occurredAt: e.occurredAt.toISOString(),
          location: e.location,
        },
      },
    ]);
    touched.push(c.id);
  }
  return touched;
}

// A solved case about the parcel comes back to the agents: the parcel is in trouble again.
async function openCaseOf(
  tx: Tx,
  tenantId: string,
  trackingNumber: string,
  now: Date,
): Promise<CaseRow | null> {
  const row = await tx
    .selectFrom('cases')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('parcel_number', '=', trackingNumber)
    .where('closed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  if (row.status !== 'solved') return row;
  const reopened = await advanceCase(tx, tenantId, snapshotOf(row), {
    type: 'reopen',
    by: SYSTEM,
    at: now.toISOString(),
    reason: 'The carrier reported another problem with the parcel.',
  });
  return { ...row, status: reopened.status, version: reopened.version };
}

async function openCase(tx: Tx, tenantId: string, e: ParcelException, now: Date): Promise<CaseRow> {
  const row = await openConversationCase(
    tx,
    tenantId,
    {
      kind: 'logistics',
      category: 'logistics',
      subject: `Parcel ${e.trackingNumber} (${e.carrier}): ${e.reason.replaceAll('_', ' ')}`,
      channel: 'email',
      language: e.language ?? 'en',
      customerId: e.customerId,
      orderId: e.orderId,
      by: SYSTEM,
    },
    now,
  );
  await tx.updateTable('cases').set({ parcel_number: e.trackingNumber }).where('id', '=', row.id).execute();
  return { ...row, parcel_number: e.trackingNumber };
}
