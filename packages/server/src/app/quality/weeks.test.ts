import { describe, expect, it } from 'vitest';
import { addDays, isDay, lastCompleteWeek, mondayOf, weeksBetween } from './weeks.js';

describe('weeks', () => {
  it('names a week by its Monday, across a year end', () => {
    expect(mondayOf('2026-03-18')).toBe('2026-03-16');
    expect(mondayOf('2026-03-16')).toBe('2026-03-16');
    expect(mondayOf('2026-03-22')).toBe('2026-03-16');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('takes the week before the current one as the last complete week, even on a Monday', () => {
    expect(lastCompleteWeek(new Date('2026-03-18T10:00:00Z'))).toBe('2026-03-09');
    expect(lastCompleteWeek(new Date('2026-03-16T00:00:00Z'))).toBe('2026-03-09');
    expect(lastCompleteWeek(new Date('2026-03-15T23:59:59Z'))).toBe('2026-03-02');
  });

  it('lists the Mondays of a span and refuses days that do not exist', () => {
    expect(weeksBetween('2026-03-02', addDays('2026-03-02', 21))).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
    ]);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('0000-00-00')).toBe(false);
    expect(isDay('2026-3-1')).toBe(false);
  });
});
