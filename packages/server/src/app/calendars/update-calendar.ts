import type { CalendarInput } from '@afterdesk/contract';
import {
  findCalendarOrThrow,
  updateCalendar as writeCalendar,
} from '../../db/repositories/calendars.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { checkCalendarInput, duplicateCalendarName } from './calendar-input.js';

/**
 * Replaces a calendar's name and spec. Clocks already running keep their due times; the
 * new hours apply to clocks started or resumed from now on.
 */
export async function updateCalendar(ctx: Ctx, calendarId: string, input: CalendarInput) {
  requirePermission(ctx, 'helpdesk:manage');
  const { name, spec } = checkCalendarInput(input);
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const updated = await withUniqueConflict(duplicateCalendarName(name), () =>
      writeCalendar(tx, calendarId, { name, spec }),
    );
    if (!updated) throw notFound('The calendar');
    await recordChange(tx, ctx, {
      stream: 'calendar',
      streamId: calendarId,
      type: 'calendar.updated',
      data: { name },
    });
    return findCalendarOrThrow(tx, calendarId);
  });
}
