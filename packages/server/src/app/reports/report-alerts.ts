import { DateTime } from 'luxon';
import type { Ctx } from '../context.js';
import { listQualityAlerts } from '../quality/list-quality-alerts.js';
import type { ReportAlert, ReportPeriod } from './weekly-report.js';

const MAX_ALERTS = 20;

/**
 * The early-warning alerts of the ISO weeks the period touches (the quality checks work per
 * week), as the report shows them: most significant first, at most 20. A complaint cluster
 * is shown as what it asks for (a recall check or an improvement) when the checks said so.
 */
export async function loadReportAlerts(ctx: Ctx, period: ReportPeriod): Promise<ReportAlert[]> {
  const end = DateTime.fromISO(period.to, { zone: 'utc' });
  const weeks: string[] = [];
  for (
    let monday = DateTime.fromISO(period.from, { zone: 'utc' }).startOf('week');
    monday < end;
    monday = monday.plus({ weeks: 1 })
  )
    weeks.push(monday.toISODate() as string);
  const pages = await Promise.all(weeks.map((week) => listQualityAlerts(ctx, { week, limit: 200 })));
  return pages
    .flatMap((page) => page.items)
    .sort((a, b) => a.qValue - b.qValue || b.ratio - a.ratio || a.subject.localeCompare(b.subject))
    .slice(0, MAX_ALERTS)
    .map((a) => ({
      subjectKind: a.subjectType,
      subject: a.subject,
      kind: a.plan ?? a.kind,
      rate: a.rate,
      baselineRate: a.baselineRate,
      unitsReturned: a.events,
      unitsDelivered: a.units,
      topReasons: a.topReasons.map((r) => r.reason),
      comments: a.comments.slice(0, 3).map((c) => c.text),
    }));
}
