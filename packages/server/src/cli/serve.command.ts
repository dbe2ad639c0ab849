import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Services } from '../app/context.js';
import { type DemoCredentials, seedDemo } from '../app/demo/seed-demo.js';
import { reportLateParcels } from '../app/tracking/report-late-parcels.js';
import type { EmailSender } from '../channels/email/email-sender.js';
import { type EmailChannel, startEmailChannel } from '../channels/email/start-email.js';
import type { Config } from '../config.js';
import { buildApp } from '../http/app.js';
import { deliverQueuedEmail } from '../jobs/deliver-email.job.js';
import { deliverQueuedNotices } from '../jobs/deliver-notices.job.js';
import { detectQualityAlertsForAll, QUALITY_ALERTS_EVERY_MS } from '../jobs/detect-quality-alerts.job.js';
import { notifyCustomers } from '../jobs/notify-customers.job.js';
import { payRefunds } from '../jobs/pay-refunds.job.js';
import { requestReturnShipments } from '../jobs/return-shipments.job.js';
import { rollUpMeasures } from '../jobs/roll-up-measures.job.js';
import { type Job, startJobs } from '../jobs/scheduler.js';
import { settlePromises } from '../jobs/settle-promises.job.js';
import { sweepSlaClocks } from '../jobs/sla-sweep.job.js';
import { deliverWebhooks } from '../jobs/webhook-delivery.job.js';
import { fanOutWebhooks } from '../jobs/webhook-fan-out.job.js';
import { runWeeklyReports, WEEKLY_REPORTS_EVERY_MS } from '../jobs/weekly-reports.job.js';
import { openServices } from '../services.js';

/** Starts the HTTP server; on an empty database it first seeds the demo shop. */
export async function serve(config: Config): Promise<{ close(): Promise<void>; url: string }> {
  const services = await openServices(config);
  const demo = config.seedDemo ? await ensureDemo(services, config) : null;
  const app = await buildApp(services);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
  const email = await startEmailChannel(services);
  printBanner(url, config, demo, email);
  const jobs = config.runJobs ? startJobs(services, backgroundJobs(services, config, email.sender)) : null;
  let closing: Promise<void> | undefined;
  const close = () => {
    // Jobs first: a run in progress finishes before the database closes under it.
    closing ??= (jobs?.stop() ?? Promise.resolve())
      .then(() => app.close())
      .then(() => email.close())
      .then(() => services.close());
    return closing;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void close().then(() => process.exit(0)));
  return { close, url };
}

/** The background jobs a serving process runs when `runJobs` is on, and `afterdesk work` runs alone. */
export function backgroundJobs(services: Services, config: Config, sender: EmailSender | null): Job[] {
  const every = config.jobIntervalMs;
  return [
    { name: 'sla-sweep', everyMs: every, run: () => sweepSlaClocks(services) },
    { name: 'notify-customers', everyMs: every, run: () => notifyCustomers(services) },
    { name: 'settle-promises', everyMs: every, run: () => settlePromises(services) },
    { name: 'report-late-parcels', everyMs: every, run: () => reportLateParcels(services) },
    { name: 'webhook-fan-out', everyMs: every, run: () => fanOutWebhooks(services) },
    { name: 'webhook-delivery', everyMs: every, run: () => deliverWebhooks(services) },
    { name: 'pay-refunds', everyMs: every, run: () => payRefunds(services) },
    { name: 'return-shipments', everyMs: every, run: () => requestReturnShipments(services) },
    { name: 'roll-up-measures', everyMs: every, run: () => rollUpMeasures(services) },
    {
      name: 'detect-quality-alerts',
      everyMs: QUALITY_ALERTS_EVERY_MS,
      run: () => detectQualityAlertsForAll(services),
    },
    {
      name: 'weekly-reports',
      everyMs: WEEKLY_REPORTS_EVERY_MS,
      run: () => runWeeklyReports(services, sender),
    },
    // Without an outbound server (AFTERDESK_SMTP_URL) replies simply stay queued.
    ...(sender
      ? [
          { name: 'deliver-email', everyMs: every, run: () => deliverQueuedEmail(services, sender) },
          { name: 'deliver-notices', everyMs: every, run: () => deliverQueuedNotices(services, sender) },
        ]
      : []),
  ];
}

// The demo key exists only as a hash in the database, so the first start keeps the
// plaintext beside the data (owner-only) to print it again on every start.
async function ensureDemo(services: Services, config: Config): Promise<DemoCredentials | null> {
  const file = join(resolve(config.dataDir), 'demo-credentials.json');
  const tenants = await services.db.selectFrom('tenants').select('id').limit(1).execute();
  if (tenants.length > 0) {
    return readFile(file, 'utf8').then(
      (text) => JSON.parse(text) as DemoCredentials,
      () => null,
    );
  }
  services.log.info('empty database: seeding the demo shop');
  const demo = await seedDemo(services);
  await writeFile(file, JSON.stringify(demo, null, 2));
  await chmod(file, 0o600);
  return demo;
}

function printBanner(url: string, config: Config, demo: DemoCredentials | null, email: EmailChannel) {
  const mail = email.describe();
  const lines = [
    '',
    `  Afterdesk is running at ${url}`,
    `  API docs:     ${url}/docs`,
    `  Database:     ${config.databaseUrl ? 'PostgreSQL' : `embedded (PGlite) in ${resolve(config.dataDir)}`}`,
    `  Mail in:      ${mail.inbound}`,
    `  Mail out:     ${mail.outbound}`,
  ];
  if (demo) {
    lines.push(
      '',
      '  Demo shop',
      `  Tenant id:    ${demo.tenantId}`,
      `  API key:      ${demo.apiKey}`,
      ...demo.agents.map((a) => `  ${a.role.padEnd(12)}  ${a.email} / ${a.password}`),
      `  Customer:     order ${demo.customer.orderNumber} with ${demo.customer.email}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
