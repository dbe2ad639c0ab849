import { randomUUID } from 'node:crypto';
import type { TrackingEventBatchResult, TrackingEventInput } from '@afterdesk/contract';
import {
  compareTrackingUpdates,
  isParcelExceptionReason,
  isShipmentStatus,
  nextShipmentState,
  renderShippingNotice,
  type ShipmentState,
  type ShipmentStatus,
  shippingNoticeKind,
} from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import {
  findParcels,
  insertTrackingEvents,
  type Parcel,
  saveShipmentStates,
  trackingHistory,
} from '../../db/repositories/tracking.repository.js';
import type { NewEvent } from '../../db/schema.js';
import { inTenant, type Tx } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { type FieldError, invalid } from '../errors.js';
import { findReturnParcels, moveReturnCases, type ReturnScan } from './move-return-cases.js';
import { type ParcelException, reportParcelExceptions } from './report-parcel-exceptions.js';

type Outcome = TrackingEventBatchResult['results'][number]['outcome'];

interface Scan {
  index: number;
  id: string;
  input: TrackingEventInput;
  status: ShipmentStatus;
  occurredAt: Date;
}

interface Tracked {
  state: ShipmentState | null;
  location: string | null;
}

// Carriers' clocks drift and time zones get lost; a day ahead is a mistake, not news.
const FUTURE_SLACK_MS = 86_400_000;
const EARLIEST = Date.UTC(2000, 0, 1);
// The shop may spell the carrier "DHL" on the order and "dhl" in its tracking feed.
const parcelKey = (carrier: string, trackingNumber: string) =>
  `${carrier.trim().toLowerCase()}\n${trackingNumber}`;

/**
 * Records a batch of carrier events: each shipment moves to its latest state and
 * never back, each new status is recorded on the order's stream, and the customer is told
 * at dispatch, out for delivery and on delivery, once per kind and parcel. Events about
 * parcels no order names are kept and reported, not refused. One transaction per batch.
 */
export async function recordTrackingEvents(
  ctx: Ctx,
  input: TrackingEventInput[],
): Promise<TrackingEventBatchResult> {
  requirePermission(ctx, 'orders:write');
  const now = ctx.clock();
  const scans = input.map((e, index) => toScan(e, index));
  const errors = scans.flatMap((s) => checkTime(s, now));
  if (errors.length > 0)
    throw invalid('Some tracking events are not valid; none of the batch was stored.', errors);
  const tenantId = ctx.principal.tenantId;
  const actor = actorOf(ctx.principal);

  return inTenant(ctx.db, tenantId, async (tx) => {
    const numbers = [...new Set(scans.map((s) => s.input.trackingNumber))];
    const parcels = groupBy(await findParcels(tx, tenantId, numbers), (p) =>
      parcelKey(p.carrier, p.trackingNumber),
    );
    const history = await historyOf(tx, tenantId, [...parcels.values()].flat());
    // A number no outbound parcel carries may be a return parcel's waybill.
    const returns = await findReturnParcels(
      tx,
      tenantId,
      numbers.filter((n) => !scans.some((s) => s.input.trackingNumber === n && parcels.has(keyOf(s)))),
    );
    const stored = await insertTrackingEvents(
      tx,
      scans.map((s) => ({
        id: s.id,
        tenantId,
        shipmentId: parcels.get(parcelKey(s.input.carrier, s.input.trackingNumber))?.[0]?.id ?? null,
        carrier: s.input.carrier,
        trackingNumber: s.input.trackingNumber,
        status: s.status,
        occurredAt: s.occurredAt,
        location: s.input.location ?? null,
      })),
    );

    const outcomes = new Map<number, Outcome>();
    const fresh: Scan[] = [];
    const returnScans: ReturnScan[] = [];
    for (const scan of scans) {
      const isReturn = !parcels.has(keyOf(scan)) && returns.has(scan.input.trackingNumber);
      if (!parcels.has(keyOf(scan)) && !isReturn) outcomes.set(scan.index, 'unknown_shipment');
      else if (!stored.has(scan.id)) outcomes.set(scan.index, 'duplicate');
      else if (isReturn) returnScans.push(returnScanOf(scan));
      else fresh.push(scan);
    }
    // Applied in the machine's own order, so the answers do not depend on the batch's order.
    fresh.sort((a, b) => compareTrackingUpdates(a, b) || a.index - b.index);

    const saves: Parameters<typeof saveShipmentStates>[1] = [];
    const events: NewEvent[] = [];
    const notices: Parameters<typeof queueNotices>[1] = [];
    const exceptions: ParcelException[] = [];
    for (const [key, group] of parcels) {
      const mine = fresh.filter((s) => parcelKey(s.input.carrier, s.input.trackingNumber) === key);
      if (mine.length === 0) continue;
      for (const parcel of group) {
        const start = resume(parcel, history.get(key) ?? []);
        let tracked = start;
        for (const scan of mine) {
          const next = nextShipmentState(tracked.state, scan);
          if (!next) {
            if (!outcomes.has(scan.index)) outcomes.set(scan.index, 'stale');
            continue;
          }
          outcomes.set(scan.index, 'applied');
          if (scan.status === 'exception') exceptions.push(exceptionOf(parcel, scan));
          if (next.status !== tracked.state?.status) events.push(orderEvent(tenantId, actor, parcel, scan));
          tracked = { state: next, location: scan.input.location ?? null };
        }
        const final = tracked.state;
        if (!final || final === start.state) continue;
        saves.push({
          id: parcel.id,
          status: final.status,
          statusAt: final.statusAt,
          location: tracked.location,
        });
        const kind =
          final.status === start.state?.status
            ? null
            : shippingNoticeKind(start.state?.status ?? null, final.status);
        if (kind && parcel.email) {
          const trackingUrl = mine.findLast((s) => s.input.trackingUrl)?.input.trackingUrl ?? null;
          notices.push({ parcel, kind, trackingUrl });
        }
      }
    }
    await saveShipmentStates(tx, saves);
    await appendEvents(tx, events);
    const noticesQueued = await queueNotices(tx, notices, tenantId, now);
    for (const [index, outcome] of await moveReturnCases(tx, returnScans, returns, now))
      outcomes.set(index, outcome);
    await reportParcelExceptions(tx, tenantId, exceptions, now);
    return {
      results: scans.map((s) => ({ index: s.index, outcome: outcomes.get(s.index) ?? 'stale' })),
      noticesQueued,
    };
  });
}

const keyOf = (s: Scan) => parcelKey(s.input.carrier, s.input.trackingNumber);

function returnScanOf(s: Scan): ReturnScan {
  return {
    index: s.index,
    status: s.status,
    occurredAt: s.occurredAt,
    carrier: s.input.carrier,
    trackingNumber: s.input.trackingNumber,
    location: s.input.location ?? null,
  };
}

// Several shipments may share a tracking number; the exception is reported once per parcel
// number anyway (parcel_exceptions is unique on it).
function exceptionOf(parcel: Parcel, scan: Scan): ParcelException {
  const reason = scan.input.reason;
  return {
    carrier: parcel.carrier,
    trackingNumber: parcel.trackingNumber,
    orderId: parcel.orderId,
    customerId: parcel.customerId,
    language: parcel.language,
    reason: reason && isParcelExceptionReason(reason) ? reason : 'other',
    occurredAt: scan.occurredAt,
    location: scan.input.location ?? null,
  };
}

function toScan(input: TrackingEventInput, index: number): Scan {
  // The route's schema already holds status to the list; the guard keeps the type honest.
  const status = isShipmentStatus(input.status) ? input.status : 'exception';
  return { index, id: randomUUID(), input, status, occurredAt: new Date(input.occurredAt) };
}

function checkTime(scan: Scan, now: Date): FieldError[] {
  const t = scan.occurredAt.getTime();
  if (Number.isFinite(t) && t >= EARLIEST && t <= now.getTime() + FUTURE_SLACK_MS) return [];
  return [
    {
      field: `/events/${scan.index}/occurredAt`,
      message: 'The time must be after 2000-01-01 and not more than a day ahead of now.',
    },
  ];
}

// A shipment the order import replaced starts with no state; its parcel's stored history
// gives it back, so it neither moves backwards nor tells the customer a second time.
function resume(parcel: Parcel, history: Scan[]): Tracked {
  if (parcel.status && parcel.statusAt && isShipmentStatus(parcel.status))
    return { state: { status: parcel.status, statusAt: parcel.statusAt }, location: parcel.location };
  let tracked: Tracked = { state: null, location: null };
  for (const past of [...history].sort(compareTrackingUpdates)) {
    const next = nextShipmentState(tracked.state, past);
    if (next) tracked = { state: next, location: past.input.location ?? null };
  }
  return tracked;
}

async function historyOf(tx: Tx, tenantId: string, parcels: Parcel[]): Promise<Map<string, Scan[]>> {
  const numbers = [...new Set(parcels.filter((p) => !p.status).map((p) => p.trackingNumber))];
  const rows = await trackingHistory(tx, tenantId, numbers);
  const scans = rows.flatMap((r, index) =>
    isShipmentStatus(r.status)
      ? [
          {
            index,
            id: '',
            input: { ...r, occurredAt: r.occurredAt.toISOString(), location: r.location ?? undefined },
            status: r.status,
            occurredAt: r.occurredAt,
          } as Scan,
        ]
      : [],
  );
  return groupBy(scans, (s) => parcelKey(s.input.carrier, s.input.trackingNumber));
}

function orderEvent(
  tenantId: string,
  actor: ReturnType<typeof actorOf>,
  parcel: Parcel,
  scan: Scan,
): NewEvent {
  return {
    tenant_id: tenantId,
    stream: 'order',
    stream_id: parcel.orderId,
    type: `shipment.${scan.status}`,
    actor_type: actor.type,
    actor_id: actor.id,
    reason: null,
    data: {
      shipmentId: parcel.id,
      carrier: parcel.carrier,
      trackingNumber: parcel.trackingNumber,
      occurredAt: scan.occurredAt.toISOString(),
      location: scan.input.location ?? null,
    },
  };
}

async function queueNotices(
  tx: Tx,
  notices: {
    parcel: Parcel;
    kind: NonNullable<ReturnType<typeof shippingNoticeKind>>;
    trackingUrl: string | null;
  }[],
  tenantId: string,
  now: Date,
): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = await tx
    .insertInto('customer_notices')
    .values(
      notices.map(({ parcel, kind, trackingUrl }) => {
        const rendered = renderShippingNotice(kind, parcel.language, {
          orderNumber: parcel.orderNumber,
          carrier: parcel.carrier,
          trackingNumber: parcel.trackingNumber,
          trackingUrl,
        });
        return {
          id: randomUUID(),
          tenant_id: tenantId,
          customer_id: parcel.customerId,
          order_id: parcel.orderId,
          shipment_id: parcel.id,
          kind,
          language: rendered.language,
          recipient: parcel.email as string,
          subject: rendered.subject,
          body: rendered.body,
          next_attempt_at: now,
        };
      }),
    )
    .onConflict((oc) => oc.columns(['shipment_id', 'kind']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
