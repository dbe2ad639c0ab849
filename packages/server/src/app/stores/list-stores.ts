import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';

/** The tenant's stores with their country, currency, zone, languages and service-level calendar. */
export async function listStores(ctx: Ctx) {
  requirePermission(ctx, 'orders:read');
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx
      .selectFrom('stores')
      .select(['id', 'code', 'name', 'country', 'currency', 'time_zone', 'languages', 'calendar_id'])
      .orderBy('code')
      .execute(),
  );
  return {
    items: rows.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      country: s.country,
      currency: s.currency,
      timeZone: s.time_zone,
      languages: s.languages,
      calendarId: s.calendar_id,
    })),
  };
}
