import {
  findCalendar,
  deleteCalendar as removeCalendar,
} from '../../db/repositories/calendars.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';

/** Deletes a calendar; the stores that used it go back to the default hours of their country. */
export async function deleteCalendar(ctx: Ctx, calendarId: string): Promise<void> {
  requirePermission(ctx, 'helpdesk:manage');
  await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const calendar = await findCalendar(tx, calendarId);
    if (!calendar) throw notFound('The calendar');
    await removeCalendar(tx, calendarId);
    await recordChange(tx, ctx, {
      stream: 'calendar',
      streamId: calendarId,
      type: 'calendar.deleted',
      data: { name: calendar.name, storeIds: calendar.storeIds },
    });
  });
}
