import { smtpSender } from '../channels/email/email-sender.js';
import type { Config } from '../config.js';
import { startJobs } from '../jobs/scheduler.js';
import { openServices } from '../services.js';
import { backgroundJobs } from './serve.command.js';

/**
 * Runs the background jobs without serving HTTP or receiving mail: a worker process beside
 * one or more `serve --no-jobs` processes, or a second worker. Every job claims its work
 * with leases in the database, so workers can be stopped, killed and restarted at any time.
 */
export async function work(config: Config, only: string[] = []): Promise<{ close(): Promise<void> }> {
  const services = await openServices(config);
  const sender = config.smtpUrl ? smtpSender(config.smtpUrl, { pool: true }) : null;
  const all = backgroundJobs(services, config, sender);
  const unknown = only.filter((name) => !all.some((job) => job.name === name));
  if (unknown.length > 0) {
    await services.close();
    throw new Error(`Unknown job ${unknown.join(', ')}; the jobs are ${all.map((j) => j.name).join(', ')}.`);
  }
  const chosen = only.length > 0 ? all.filter((job) => only.includes(job.name)) : all;
  const jobs = startJobs(services, chosen);
  process.stdout.write(`Afterdesk worker running ${chosen.map((j) => j.name).join(', ')}\n`);
  // The scheduler's timers do not keep the process alive; the worker lives until stopped.
  const alive = setInterval(() => undefined, 1 << 30);
  let closing: Promise<void> | undefined;
  const close = () => {
    clearInterval(alive);
    closing ??= jobs
      .stop()
      .then(() => sender?.close())
      .then(() => services.close());
    return closing;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void close().then(() => process.exit(0)));
  return { close };
}
