import type { Services } from '../app/context.js';

/** A periodic background job: `run` is called every `everyMs` after the previous run ended. */
export interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * Runs each job periodically in this process: first at once (a restart catches up on what
 * fell due while it was down), then `everyMs` after each run ends, so a run that takes
 * longer than the period is never overlapped by the next one. A failing run is logged and
 * the job carries on. `stop` cancels what is scheduled and waits for runs in progress, so
 * the database can be closed right after.
 *
 * Several processes may run the same jobs: each job must be safe to run concurrently
 * (the SLA sweep claims with SKIP LOCKED).
 */
export function startJobs(services: Pick<Services, 'log'>, jobs: Job[]): { stop(): Promise<void> } {
  let stopped = false;
  const timers = new Map<Job, NodeJS.Timeout>();
  const running = new Map<Job, Promise<void>>();

  const schedule = (job: Job, delayMs: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      const run = runOnce(job).finally(() => {
        running.delete(job);
        schedule(job, job.everyMs);
      });
      running.set(job, run);
    }, delayMs);
    // Jobs alone never keep the process alive: the server (or a test) decides when it ends.
    timer.unref();
    timers.set(job, timer);
  };

  const runOnce = async (job: Job) => {
    const started = performance.now();
    try {
      const result = await job.run();
      services.log.debug({ job: job.name, ms: performance.now() - started, result }, 'job ran');
    } catch (error) {
      services.log.error({ job: job.name, err: error }, 'job failed; it runs again at its next turn');
    }
  };

  for (const job of jobs) schedule(job, 0);
  return {
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}
