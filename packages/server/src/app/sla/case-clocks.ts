import {
  type BusinessCalendar,
  type BusinessCalendarSpec,
  businessCalendar,
  type CaseCategory,
  type CaseClock,
  type CaseKind,
  type ClockTrigger,
  DEFAULT_SLA_POLICY,
  defaultCalendarSpec,
  earliestDue,
  type Priority,
  planClocks,
  type SlaMetric,
  type SlaPolicy,
  type SlaTarget,
  selectTargets,
} from '@afterdesk/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import { SETTING_KEYS } from '../../db/repositories/settings.repository.js';
import type { CaseClocksTable } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';

/** The part of a case its service levels depend on. */
export interface ClockedCase {
  id: string;
  tenant_id: string;
  kind: string;
  category: string;
  priority: string;
  store_id: string | null;
}

// Calendars are pure values that cache their holiday years: one per distinct spec.
const calendars = new Map<string, BusinessCalendar>();
/** The calendar of a spec, built once per distinct spec (the SLA sweep shares them too). */
export function calendarOf(spec: BusinessCalendarSpec): BusinessCalendar {
  const key = JSON.stringify(spec);
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size > 1000) calendars.clear();
    calendar = businessCalendar(spec);
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * The case's SLA policy and business calendar in one statement: the store's own calendar,
 * else office hours in the store's zone with its country's holidays (a case without a
 * store uses the tenant's first store).
 */
export async function loadClockSetting(tx: Tx, storeId: string | null) {
  const row = await tx
    .selectFrom('stores as s')
    .leftJoin('business_calendars as b', 'b.id', 's.calendar_id')
    .select((eb) => [
      's.country',
      's.time_zone',
      'b.spec',
      eb.selectFrom('tenant_settings').select('value').where('key', '=', SETTING_KEYS.slaPolicy).as('policy'),
    ])
    .$if(storeId !== null, (q) => q.where('s.id', '=', storeId as string))
    .orderBy('s.created_at')
    .limit(1)
    .executeTakeFirst();
  return {
    policy: (row?.policy as SlaPolicy | null) ?? DEFAULT_SLA_POLICY,
    calendar: storeCalendar(row && { spec: row.spec, country: row.country, timeZone: row.time_zone }),
  };
}

/** A store's own calendar, else office hours in its zone with its country's holidays. */
export function storeCalendar(
  store: { spec: unknown; country: string; timeZone: string } | undefined,
): BusinessCalendar {
  const spec =
    (store?.spec as BusinessCalendarSpec | null | undefined) ??
    defaultCalendarSpec(store?.country ?? 'US', store?.timeZone ?? 'UTC');
  return calendarOf(spec);
}

/** The stored columns of a clock, as read back. */
export type ClockColumns = Omit<Selectable<CaseClocksTable>, 'tenant_id' | 'case_id'>;

export function toCaseClock(r: ClockColumns): CaseClock {
  return {
    metric: r.metric as SlaMetric,
    cycle: r.cycle,
    rule: r.rule,
    state: r.state as CaseClock['state'],
    target: r.target as SlaTarget,
    startedAt: r.started_at,
    dueAt: r.due_at,
    warnAt: r.warn_at,
    budgetMinutes: r.budget_minutes,
    remainingMinutes: r.remaining_minutes,
    pausedAt: r.paused_at,
    warnedAt: r.warned_at,
    breachedAt: r.breached_at,
    completedAt: r.completed_at,
  };
}

export function toClockRow(tenantId: string, caseId: string, c: CaseClock): Insertable<CaseClocksTable> {
  return {
    tenant_id: tenantId,
    case_id: caseId,
    metric: c.metric,
    cycle: c.cycle,
    state: c.state,
    target: JSON.stringify(c.target),
    rule: c.rule,
    started_at: c.startedAt,
    due_at: c.dueAt,
    warn_at: c.warnAt,
    budget_minutes: c.budgetMinutes,
    remaining_minutes: c.remainingMinutes,
    paused_at: c.pausedAt,
    warned_at: c.warnedAt,
    breached_at: c.breachedAt,
    completed_at: c.completedAt,
  };
}

/**
 * Moves a case's service-level clocks after something happened to it (opened, answered,
 * waiting on the customer, resolved, reopened), and keeps the case's earliest due time
 * for the inbox. Several triggers (a case opened and decided in one request) are planned
 * in order and saved once. The decision is the core's (`planClocks`); this loads and saves.
 */
export async function updateCaseClocks(
  tx: Tx,
  c: ClockedCase,
  triggers: ClockTrigger | readonly ClockTrigger[],
): Promise<void> {
  const [rows, setting] = await Promise.all([
    tx.selectFrom('case_clocks').selectAll().where('case_id', '=', c.id).execute(),
    loadClockSetting(tx, c.store_id),
  ]);
  const plan = {
    targets: selectTargets(setting.policy, {
      kind: c.kind as CaseKind,
      category: c.category as CaseCategory,
      priority: c.priority as Priority,
    }),
    calendar: setting.calendar,
    warnShare: setting.policy.warnShare,
  };
  const key = (k: CaseClock) => `${k.metric}/${k.cycle}`;
  const merged = new Map(rows.map(toCaseClock).map((k) => [key(k), k]));
  const changed = new Map<string, CaseClock>();
  for (const trigger of Array.isArray(triggers) ? triggers : [triggers]) {
    for (const k of planClocks([...merged.values()], trigger as ClockTrigger, plan)) {
      merged.set(key(k), k);
      changed.set(key(k), k);
    }
  }
  const changes = [...changed.values()];
  if (changes.length === 0) return;
  await tx
    .with('saved', (db) =>
      db
        .insertInto('case_clocks')
        .values(changes.map((k) => toClockRow(c.tenant_id, c.id, k)))
        .onConflict((oc) =>
          oc.columns(['case_id', 'metric', 'cycle']).doUpdateSet((eb) => ({
            state: eb.ref('excluded.state'),
            due_at: eb.ref('excluded.due_at'),
            warn_at: eb.ref('excluded.warn_at'),
            remaining_minutes: eb.ref('excluded.remaining_minutes'),
            paused_at: eb.ref('excluded.paused_at'),
            warned_at: eb.ref('excluded.warned_at'),
            breached_at: eb.ref('excluded.breached_at'),
            completed_at: eb.ref('excluded.completed_at'),
          })),
        ),
    )
    .updateTable('cases')
    .set({ sla_due_at: earliestDue([...merged.values()]) ?? sql<Date>`null` })
    .where('id', '=', c.id)
    .execute();
}
