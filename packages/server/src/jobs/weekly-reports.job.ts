import { DateTime } from 'luxon';
import type { Ctx, Services } from '../app/context.js';
import { detectQualityAlerts } from '../app/quality/detect-quality-alerts.js';
import { generateWeeklyReport } from '../app/reports/generate-weekly-report.js';
import { mailWeeklyReport } from '../app/reports/mail-weekly-report.js';
import { previousIsoWeek, type ReportPeriod } from '../app/reports/weekly-report.js';
import type { EmailSender } from '../channels/email/index.js';
import { inSystem, inTenant } from '../db/scope.js';

/** Reports of a week are made on the Monday after, from this hour on, in the tenant's time zone. */
export const WEEKLY_REPORT_HOUR = 6;
/** How often the job looks; a report is made once per week, so this only bounds how late after 06:00. */
export const WEEKLY_REPORTS_EVERY_MS = 10 * 60_000;

export interface WeeklyReportsResult {
  tenants: number;
  generated: number;
  mailed: number;
  failed: number;
}

/**
 * Makes each tenant's weekly quality report for the last complete ISO week once it is due
 * (Monday 06:00 in the time zone of the tenant's first store by code, the store whose
 * currency is the default reporting currency) and mails it to the
 * subscribers once. A run after a pause catches up with the week that is due then. Safe to
 * run in several processes: the report is one row per tenant and week, and mailing claims
 * the row first.
 */
export async function runWeeklyReports(
  services: Services,
  sender: EmailSender | null,
  {
    now = services.clock(),
    tenantIds,
  }: { now?: Date /** Only these tenants (tests, a backfill). */; tenantIds?: string[] } = {},
): Promise<WeeklyReportsResult> {
  if (tenantIds?.length === 0) return { tenants: 0, generated: 0, mailed: 0, failed: 0 };
  const tenants = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('tenants as t')
      .select((eb) => [
        't.id',
        eb
          .selectFrom('stores as s')
          .select('s.time_zone')
          .whereRef('s.tenant_id', '=', 't.id')
          .orderBy('s.code')
          .limit(1)
          .as('time_zone'),
      ])
      .$if(tenantIds !== undefined, (q) => q.where('t.id', 'in', tenantIds as string[]))
      .orderBy('t.id')
      .execute(),
  );
  const result: WeeklyReportsResult = { tenants: tenants.length, generated: 0, mailed: 0, failed: 0 };
  for (const tenant of tenants) {
    const ctx: Ctx = {
      ...services,
      clock: () => now,
      principal: { kind: 'integration', tenantId: tenant.id, apiKeyId: 'weekly-reports' },
    };
    try {
      const period = duePeriod(now, tenant.time_zone ?? 'UTC');
      if (!(await reportExists(ctx, period)))
        // The alerts of the week are part of the report: test the week now rather than rely on
        // the daily quality job having run since Monday began (it upserts, so a second run is harmless).
        await detectQualityAlerts(ctx, { week: period.from });
      const { report, created } = await generateWeeklyReport(ctx, period, { keepExisting: true });
      if (created) result.generated++;
      if (sender && !report.mailedAt) {
        const mailed = await mailWeeklyReport(ctx, sender, report.id);
        result.mailed += mailed.sent;
      }
    } catch (error) {
      result.failed++;
      services.log.error({ err: error, tenantId: tenant.id }, 'weekly report failed for a tenant');
    }
  }
  return result;
}

async function reportExists(ctx: Ctx, period: ReportPeriod): Promise<boolean> {
  const row = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx
      .selectFrom('quality_reports')
      .select('id')
      .where('kind', '=', 'weekly')
      .where('period_from', '=', period.from)
      .where('period_to', '=', period.to)
      .executeTakeFirst(),
  );
  return row !== undefined;
}

/** The week whose report is due at `now`: the previous ISO week from Monday 06:00 on, else the one before. */
export function duePeriod(now: Date, timeZone: string) {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const due = local.startOf('week').set({ hour: WEEKLY_REPORT_HOUR });
  return previousIsoWeek(local < due ? local.minus({ weeks: 1 }) : local);
}
