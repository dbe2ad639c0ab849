import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { DateTime } from 'luxon';
import type { Ctx, Services } from '../app/context.js';
import { detectQualityAlerts } from '../app/quality/detect-quality-alerts.js';
import { generateWeeklyReport } from '../app/reports/generate-weekly-report.js';
import { mailWeeklyReport } from '../app/reports/mail-weekly-report.js';
import { REPORT_LABELS, reportFormat } from '../app/reports/report-labels.js';
import { checkReportPeriod, HEADLINE_MEASURES, type ReportPeriod } from '../app/reports/weekly-report.js';
import { smtpSender } from '../channels/email/index.js';
import { inSystem } from '../db/scope.js';
import { catchUpMeasures } from '../jobs/roll-up-measures.job.js';
import { SETTLE_MS } from '../jobs/settled-events.js';

type WithServices = <T>(run: (services: Services) => Promise<T>) => Promise<T>;

interface WeeklyOptions {
  from: string;
  to: string;
  tenant?: string;
  out: string;
  email: boolean;
}

/** `afterdesk report weekly`: the weekly quality report of a period, written to a folder (and mailed). */
export function reportCommand(withServices: WithServices): Command {
  const report = new Command('report').description('Quality reports (R-12.4)');
  report
    .command('weekly')
    .description(
      'Make the quality report of a period (days in each store’s time zone, --to exclusive): ' +
        'writes weekly-report-<from>-<to>.html, .pdf, .xlsx and one .csv per table, stores it like the schedule does, and prints the headline',
    )
    .requiredOption('--from <YYYY-MM-DD>', 'first day of the period')
    .requiredOption('--to <YYYY-MM-DD>', 'the day after the last one (a week: Monday to next Monday)')
    .option('-t, --tenant <id>', 'tenant id (default: the only tenant)')
    .option('-o, --out <dir>', 'folder for the files', '.')
    .option('--email', 'also mail it to the subscribers now (needs AFTERDESK_SMTP_URL)', false)
    .action(async (o: WeeklyOptions) => {
      const period = checkReportPeriod({ from: o.from, to: o.to });
      await withServices(async (services) => {
        if (o.email && !services.config.smtpUrl)
          throw new Error('--email needs an outbound mail server: set AFTERDESK_SMTP_URL.');
        const tenantId = o.tenant ?? (await onlyTenant(services));
        const ctx: Ctx = { ...services, principal: { kind: 'integration', tenantId, apiKeyId: 'cli' } };
        await prepareInputs(ctx, period);
        const { report: stored, rendered } = await generateWeeklyReport(ctx, period);
        if (!rendered) throw new Error('The report was not rendered.');
        const dir = resolve(o.out);
        await mkdir(dir, { recursive: true });
        const written: string[] = [];
        const write = async (name: string, data: string | Uint8Array) => {
          const path = join(dir, name);
          await writeFile(path, data);
          written.push(path);
        };
        await write(`${rendered.baseName}.html`, rendered.html);
        await write(`${rendered.baseName}.pdf`, rendered.pdf);
        await write(`${rendered.baseName}.xlsx`, rendered.xlsx);
        for (const csv of rendered.csv) await write(`${rendered.baseName}-${csv.table}.csv`, csv.text);

        const f = reportFormat(rendered.report.currency);
        const lines = [
          `${REPORT_LABELS.title} ${period.from} – ${period.to} (to exclusive), report ${stored.id}`,
          ...HEADLINE_MEASURES.map(
            (m) =>
              `  ${REPORT_LABELS.headlineMeasures[m].padEnd(38)} ${f.measure(m, rendered.report.headline[m].value)}`,
          ),
          `  ${'Categories with returns'.padEnd(38)} ${rendered.report.returnRateByCategory.filter((c) => c.unitsReturned > 0).length}`,
          `  ${'Quality alerts'.padEnd(38)} ${rendered.report.alerts.length}`,
          `  ${'Reviews (negative)'.padEnd(38)} ${rendered.report.reviews ? `${rendered.report.reviews.reviews} (${rendered.report.reviews.negative})` : 0}`,
          'Files:',
          ...written.map((p) => `  ${p}`),
        ];
        console.log(lines.join('\n'));
        if (o.email) {
          const sender = smtpSender(services.config.smtpUrl as string);
          try {
            const mailed = await mailWeeklyReport(ctx, sender, stored.id, { again: true });
            console.log(
              `Mailed to ${mailed.sent} subscriber(s)${mailed.failed ? `, ${mailed.failed} failed` : ''}.`,
            );
            if (mailed.failed > 0) process.exitCode = 2;
          } finally {
            await sender.close();
          }
        }
      });
    });
  return report;
}

async function onlyTenant(services: Services): Promise<string> {
  const tenants = await inSystem(services.db, (tx) =>
    tx.selectFrom('tenants').select('id').limit(2).execute(),
  );
  if (tenants.length === 1) return tenants[0]?.id as string;
  throw new Error(
    tenants.length === 0 ? 'There is no tenant yet.' : 'There are several tenants: give --tenant <id>.',
  );
}

// What the schedule has done by the time it reports: the rollups caught up with the event
// log (an import just before counts), and the quality checks run for each week of the period.
async function prepareInputs(ctx: Ctx, period: ReportPeriod) {
  // Events younger than SETTLE_MS are left for the next run of the job; a report right after
  // an import waits for them to settle rather than leave them out.
  const newest = await inSystem(ctx.db, (tx) =>
    tx.selectFrom('events').select('created_at').orderBy('id', 'desc').limit(1).executeTakeFirst(),
  );
  const age = newest ? Date.now() - new Date(newest.created_at).getTime() : SETTLE_MS;
  if (age < SETTLE_MS) await new Promise((wake) => setTimeout(wake, SETTLE_MS - age + 50));
  await catchUpMeasures(ctx);
  const end = DateTime.fromISO(period.to, { zone: 'utc' });
  for (
    let monday = DateTime.fromISO(period.from, { zone: 'utc' }).startOf('week');
    monday < end;
    monday = monday.plus({ weeks: 1 })
  )
    await detectQualityAlerts(ctx, { week: monday.toISODate() as string });
}
