import { randomUUID } from 'node:crypto';
import type { CalendarInput } from '@afterdesk/contract';
import { findCalendarOrThrow, insertCalendar } from '../../db/repositories/calendars.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { recordChange } from '../record-change.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { checkCalendarInput, duplicateCalendarName } from './calendar-input.js';

/** Adds a business calendar that stores can then run their service levels on. */
export async function createCalendar(ctx: Ctx, input: CalendarInput) {
  requirePermission(ctx, 'helpdesk:manage');
  const { name, spec } = checkCalendarInput(input);
  const tenantId = ctx.principal.tenantId;
  const id = randomUUID();
  return inTenant(ctx.db, tenantId, async (tx) => {
    await withUniqueConflict(duplicateCalendarName(name), () =>
      insertCalendar(tx, { id, tenantId, name, spec }),
    );
    await recordChange(tx, ctx, {
      stream: 'calendar',
      streamId: id,
      type: 'calendar.created',
      data: { name },
    });
    return findCalendarOrThrow(tx, id);
  });
}
