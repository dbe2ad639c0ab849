import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startJobs } from './scheduler.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const silent = { log: pino({ level: 'silent' }) };

describe('startJobs', () => {
  it('runs a job at once and again after each run, never two runs of it at the same time', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    const jobs = startJobs(silent, [
      {
        name: 'slow',
        everyMs: 1,
        run: async () => {
          overlapped ||= running > 0;
          running += 1;
          runs += 1;
          await sleep(15);
          running -= 1;
        },
      },
    ]);
    await sleep(100);
    await jobs.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
  });

  it('logs a failing run and keeps the job going', async () => {
    const errors: unknown[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => errors.push(JSON.parse(line)) });
    let runs = 0;
    const jobs = startJobs({ log }, [
      {
        name: 'flaky',
        everyMs: 5,
        run: async () => {
          runs += 1;
          throw new Error('database unavailable');
        },
      },
    ]);
    await sleep(40);
    await jobs.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toMatchObject({ job: 'flaky', err: { message: 'database unavailable' } });
  });

  it('waits on stop for the run in progress and starts none after it', async () => {
    let finished = false;
    let runs = 0;
    const jobs = startJobs(silent, [
      {
        name: 'long',
        everyMs: 1,
        run: async () => {
          runs += 1;
          await sleep(30);
          finished = true;
        },
      },
    ]);
    await sleep(5);
    await jobs.stop();
    expect(finished).toBe(true);
    await sleep(20);
    expect(runs).toBe(1);
  });
});
