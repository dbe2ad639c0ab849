import { calendarExists, setStoreCalendar } from '../../db/repositories/calendars.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { recordChange } from '../record-change.js';

/** Runs a store's service levels on a calendar, or (null) on the default hours of its country. */
export async function assignStoreCalendar(ctx: Ctx, storeId: string, calendarId: string | null) {
  requirePermission(ctx, 'helpdesk:manage');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    // Foreign keys ignore row-level security, so another tenant's calendar must be refused here.
    if (calendarId !== null && !(await calendarExists(tx, calendarId)))
      throw invalid('There is no such calendar.', [
        { field: '/calendarId', message: 'is not a calendar of yours' },
      ]);
    if (!(await setStoreCalendar(tx, storeId, calendarId))) throw notFound('The store');
    await recordChange(tx, ctx, {
      stream: 'store',
      streamId: storeId,
      type: 'store.calendar_assigned',
      data: { calendarId },
    });
    return { storeId, calendarId };
  });
}
