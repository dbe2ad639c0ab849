import type { BusinessCalendarSpec } from '@afterdesk/core';
import { sql } from 'kysely';
import type { Tx } from '../scope.js';

export interface CalendarRecord {
  id: string;
  name: string;
  spec: BusinessCalendarSpec;
  storeIds: string[];
  createdAt: string;
  updatedAt: string;
}

function selectCalendars(tx: Tx) {
  return tx
    .selectFrom('business_calendars as c')
    .select([
      'c.id',
      'c.name',
      'c.spec',
      'c.created_at',
      'c.updated_at',
      sql<string[]>`array(select s.id::text from stores s where s.calendar_id = c.id order by s.code)`.as(
        'store_ids',
      ),
    ]);
}

type CalendarRow = Awaited<ReturnType<ReturnType<typeof selectCalendars>['executeTakeFirstOrThrow']>>;

const toRecord = (row: CalendarRow): CalendarRecord => ({
  id: row.id,
  name: row.name,
  spec: row.spec as BusinessCalendarSpec,
  storeIds: row.store_ids,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listCalendars(tx: Tx): Promise<CalendarRecord[]> {
  return (await selectCalendars(tx).orderBy('c.name').execute()).map(toRecord);
}

export async function findCalendar(tx: Tx, calendarId: string): Promise<CalendarRecord | undefined> {
  const row = await selectCalendars(tx).where('c.id', '=', calendarId).executeTakeFirst();
  return row && toRecord(row);
}

/** For a calendar just written in the same transaction. */
export async function findCalendarOrThrow(tx: Tx, calendarId: string): Promise<CalendarRecord> {
  return toRecord(await selectCalendars(tx).where('c.id', '=', calendarId).executeTakeFirstOrThrow());
}

export async function insertCalendar(
  tx: Tx,
  calendar: { id: string; tenantId: string; name: string; spec: BusinessCalendarSpec },
): Promise<void> {
  await tx
    .insertInto('business_calendars')
    .values({
      id: calendar.id,
      tenant_id: calendar.tenantId,
      name: calendar.name,
      spec: JSON.stringify(calendar.spec),
    })
    .execute();
}

/** Whether a calendar of the transaction's tenant was there to update. */
export async function updateCalendar(
  tx: Tx,
  calendarId: string,
  change: { name: string; spec: BusinessCalendarSpec },
): Promise<boolean> {
  const result = await tx
    .updateTable('business_calendars')
    .set({ name: change.name, spec: JSON.stringify(change.spec), updated_at: sql`now()` })
    .where('id', '=', calendarId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the calendar; its stores fall back to the default hours (ON DELETE SET NULL). */
export async function deleteCalendar(tx: Tx, calendarId: string): Promise<boolean> {
  const result = await tx.deleteFrom('business_calendars').where('id', '=', calendarId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function calendarExists(tx: Tx, calendarId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('business_calendars')
    .select('id')
    .where('id', '=', calendarId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets a store's calendar; false when the store is not the tenant's. */
export async function setStoreCalendar(tx: Tx, storeId: string, calendarId: string | null): Promise<boolean> {
  const result = await tx
    .updateTable('stores')
    .set({ calendar_id: calendarId })
    .where('id', '=', storeId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function storeExists(tx: Tx, storeId: string): Promise<boolean> {
  const row = await tx.selectFrom('stores').select('id').where('id', '=', storeId).executeTakeFirst();
  return row !== undefined;
}
