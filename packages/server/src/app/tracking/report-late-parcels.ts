import { isParcelOverdue } from '@afterdesk/core';
import { sql } from 'kysely';
import { inSystem, inTenant } from '../../db/scope.js';
import type { Services } from '../context.js';
import { type ParcelException, reportParcelExceptions } from './report-parcel-exceptions.js';

// A day past the estimate is late (isParcelOverdue); parcels older than this are history,
// not news, and are left alone so the sweep stays small.
const LOOK_BACK_MS = 60 * 86_400_000;

/**
 * Finds outbound parcels still not delivered a day after their estimated delivery and
 * reports each once as `delayed`: a logistics case for the customer, who is told.
 * Runs as a periodic job; a parcel already reported for that estimate is skipped in SQL,
 * and a new estimate from the shop makes a new report possible.
 */
export async function reportLateParcels(services: Services, options: { batch?: number } = {}) {
  const now = services.clock();
  const candidates = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('shipments as s')
      .innerJoin('orders as o', 'o.id', 's.order_id')
      .innerJoin('customers as c', 'c.id', 'o.customer_id')
      .select([
        's.tenant_id',
        's.carrier',
        's.tracking_number',
        's.status',
        's.delivered_at',
        's.estimated_at',
        's.location',
        's.order_id',
        'o.customer_id',
        'c.language',
      ])
      .where('s.tracking_number', 'is not', null)
      .where('s.delivered_at', 'is', null)
      .where((eb) => eb.or([eb('s.status', 'is', null), eb('s.status', '<>', 'delivered')]))
      .where('s.estimated_at', '<', new Date(now.getTime() - 86_400_000))
      .where('s.estimated_at', '>', new Date(now.getTime() - LOOK_BACK_MS))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('parcel_exceptions as x')
              .select(sql`1`.as('one'))
              .whereRef('x.tenant_id', '=', 's.tenant_id')
              .whereRef('x.tracking_number', '=', 's.tracking_number')
              .where('x.reason', '=', 'delayed')
              .whereRef('x.occurred_at', '=', 's.estimated_at'),
          ),
        ),
      )
      .orderBy('s.estimated_at')
      .limit(options.batch ?? 200)
      .execute(),
  );
  const byTenant = new Map<string, ParcelException[]>();
  for (const s of candidates) {
    const progress = { status: s.status, deliveredAt: s.delivered_at, estimatedAt: s.estimated_at };
    if (!s.tracking_number || !s.estimated_at || !isParcelOverdue(progress, now)) continue;
    const list = byTenant.get(s.tenant_id) ?? [];
    list.push({
      carrier: s.carrier,
      trackingNumber: s.tracking_number,
      orderId: s.order_id,
      customerId: s.customer_id,
      language: s.language,
      reason: 'delayed',
      occurredAt: s.estimated_at,
      location: s.location,
    });
    byTenant.set(s.tenant_id, list);
  }
  let reported = 0;
  for (const [tenantId, late] of byTenant)
    reported += (
      await inTenant(services.db, tenantId, (tx) => reportParcelExceptions(tx, tenantId, late, now))
    ).length;
  return { checked: candidates.length, reported };
}
