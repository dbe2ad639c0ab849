import { describe, expect, it } from 'vitest';
import { SETTLE_MS, settledRun } from './settled-events.js';

const now = new Date('2026-11-22T12:00:00Z');
const ago = (ms: number) => ({ created_at: new Date(now.getTime() - ms) });

describe('settledRun', () => {
  it('takes every event when all were logged long enough ago', () => {
    const read = [ago(5000), ago(4000), ago(SETTLE_MS)];
    expect(settledRun(read, now)).toEqual(read);
  });

  it('stops at the first fresh event, even when later ids are older', () => {
    // Id 2 was taken by a transaction that began later than id 3's: the cursor must wait.
    const read = [ago(5000), ago(500), ago(9000)];
    expect(settledRun(read, now)).toEqual([read[0]]);
  });

  it('does not wait for an event its writer dated in the future', () => {
    const read = [ago(5000), ago(-86_400_000), ago(4000)];
    expect(settledRun(read, now)).toEqual(read);
  });

  it('takes nothing when the first event is still fresh', () => {
    expect(settledRun([ago(10), ago(9000)], now)).toEqual([]);
  });
});
