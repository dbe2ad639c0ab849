import { findCalendar } from '../../db/repositories/calendars.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { requireStaff } from '../staff.js';

export async function getCalendar(ctx: Ctx, calendarId: string) {
  requireStaff(ctx, 'cases:read');
  const calendar = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => findCalendar(tx, calendarId));
  if (!calendar) throw notFound('The calendar');
  return calendar;
}
