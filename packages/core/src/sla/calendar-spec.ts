import { IANAZone } from 'luxon';
import { isKnownCountry, isKnownRegion, normalizeRegion } from './public-holidays.js';

/** Days of the week, Monday first (ISO order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A tenant's working time: the data behind a `BusinessCalendar`. */
export interface BusinessCalendarSpec {
  /** IANA time zone the hours are read in, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /**
   * Working periods per weekday in local time, "HH:mm" pairs; several per day allowed; a
   * period may cross midnight ("22:00"→"02:00" belongs to the day it starts on); "24:00"
   * allowed as an end.
   */
  week: Partial<Record<Weekday, Array<[string, string]>>>;
  /**
   * Public holidays of a country (ISO 3166 alpha-2) and optional region ('BY' or 'DE-BY'),
   * from date-holidays: whole-day holidays of type 'public' only.
   */
  holidays?: { country: string; region?: string } | null;
  /** Custom closures: whole local days from `from` to `to` inclusive ('YYYY-MM-DD'; one day: from = to). */
  closures?: Array<{ from: string; to: string; name?: string }>;
  /**
   * Extra working dates (e.g. China's make-up working Saturdays, 调休) that use `week`'s
   * hours of `asWeekday` (default 'mon').
   */
  workingDates?: Array<{ date: string; asWeekday?: Weekday }>;
}

/** A working period of one day, in minutes after local midnight; `end` may exceed 1440 (crosses midnight). */
export interface DayPeriod {
  start: number;
  end: number;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes after midnight of "HH:mm", or null when malformed; "24:00" only when `asEnd`. */
export function parseClockTime(text: unknown, asEnd = false): number | null {
  if (asEnd && text === '24:00') return 1440;
  const match = typeof text === 'string' ? CLOCK.exec(text) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Whether `text` is a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is not). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The periods of one weekday as minutes, sorted by start. An end at or before its start
 * means the period runs past midnight, so "22:00"→"06:00" lasts eight hours.
 */
export function dayPeriods(pairs: Array<[string, string]> | undefined): DayPeriod[] {
  return (pairs ?? [])
    .map(([from, to]) => {
      const start = parseClockTime(from) ?? 0;
      const end = parseClockTime(to, true) ?? 0;
      return { start, end: end > start ? end : end + 1440 };
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * Every problem with a calendar spec, as readable messages led by the field's path
 * (`week.mon[1]: …`); [] when the spec is usable. Accepts anything, so it can check
 * a JSON document before it is trusted.
 */
export function validateCalendarSpec(spec: unknown): string[] {
  if (!isRecord(spec)) return ['calendar: must be an object'];
  const errors: string[] = [];
  if (typeof spec.timeZone !== 'string' || !IANAZone.isValidZone(spec.timeZone))
    errors.push(
      `timeZone: ${JSON.stringify(spec.timeZone)} is not an IANA time zone such as "Europe/Berlin"`,
    );
  const week = spec.week;
  if (!isRecord(week)) errors.push('week: must be an object of weekdays to ["HH:mm", "HH:mm"] periods');
  else errors.push(...weekErrors(week));
  if (spec.holidays !== undefined && spec.holidays !== null) errors.push(...holidayErrors(spec.holidays));
  errors.push(...closureErrors(spec.closures));
  errors.push(...workingDateErrors(spec.workingDates, isRecord(week) ? week : {}));
  return errors;
}

function weekErrors(week: Record<string, unknown>): string[] {
  const errors: string[] = [];
  let periods = 0;
  for (const [day, pairs] of Object.entries(week)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      errors.push(`week.${day}: unknown weekday; use one of ${WEEKDAYS.join(', ')}`);
      continue;
    }
    if (!Array.isArray(pairs)) {
      errors.push(`week.${day}: must be a list of ["HH:mm", "HH:mm"] periods`);
      continue;
    }
    const before = errors.length;
    for (const [index, pair] of pairs.entries()) errors.push(...periodErrors(`week.${day}[${index}]`, pair));
    periods += pairs.length;
    if (errors.length === before) errors.push(...overlapErrors(day, pairs as Array<[string, string]>));
  }
  // A calendar with no open time would make every due time search forever.
  if (errors.length === 0 && periods === 0) errors.push('week: has no working hours at all');
  return errors;
}

function periodErrors(path: string, pair: unknown): string[] {
  if (!Array.isArray(pair) || pair.length !== 2) return [`${path}: must be a pair ["HH:mm", "HH:mm"]`];
  const [from, to] = pair;
  const [start, end] = [parseClockTime(from), parseClockTime(to, true)];
  const errors: string[] = [];
  if (start === null) errors.push(`${path}[0]: ${JSON.stringify(from)} is not a time HH:mm`);
  if (end === null) errors.push(`${path}[1]: ${JSON.stringify(to)} is not a time HH:mm (or 24:00)`);
  if (start !== null && start === end)
    errors.push(`${path}: starts and ends at ${from}; use ["00:00", "24:00"] for a whole day`);
  return errors;
}

// Overlapping periods on one weekday are almost always a typo, so they are refused rather than merged.
function overlapErrors(day: string, pairs: Array<[string, string]>): string[] {
  const periods = dayPeriods(pairs);
  const errors: string[] = [];
  for (let i = 1; i < periods.length; i++) {
    const previous = periods[i - 1] as DayPeriod;
    if ((periods[i] as DayPeriod).start < previous.end)
      errors.push(
        `week.${day}: periods overlap (${describe(previous)} and ${describe(periods[i] as DayPeriod)})`,
      );
  }
  return errors;
}

function describe(period: DayPeriod): string {
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${clock(period.start)}–${period.end === 1440 ? '24:00' : clock(period.end)}`;
}

function holidayErrors(holidays: unknown): string[] {
  if (!isRecord(holidays)) return ['holidays: must be { country, region? } or null'];
  const { country, region } = holidays;
  if (typeof country !== 'string' || !isKnownCountry(country))
    return [
      `holidays.country: ${JSON.stringify(country)} is not a country known to date-holidays (ISO 3166 alpha-2)`,
    ];
  if (region === undefined) return [];
  if (typeof region !== 'string' || !isKnownRegion(country, normalizeRegion(country, region)))
    return [
      `holidays.region: ${JSON.stringify(region)} is not a region of ${country.toUpperCase()} in date-holidays`,
    ];
  return [];
}

function closureErrors(closures: unknown): string[] {
  if (closures === undefined) return [];
  if (!Array.isArray(closures)) return ['closures: must be a list of { from, to, name? }'];
  const errors: string[] = [];
  for (const [index, closure] of closures.entries()) {
    const path = `closures[${index}]`;
    if (!isRecord(closure)) {
      errors.push(`${path}: must be { from, to, name? }`);
      continue;
    }
    const { from, to, name } = closure;
    if (!isIsoDate(from)) errors.push(`${path}.from: ${JSON.stringify(from)} is not a date YYYY-MM-DD`);
    if (!isIsoDate(to)) errors.push(`${path}.to: ${JSON.stringify(to)} is not a date YYYY-MM-DD`);
    if (isIsoDate(from) && isIsoDate(to) && from > to) errors.push(`${path}: from ${from} is after to ${to}`);
    if (name !== undefined && typeof name !== 'string') errors.push(`${path}.name: must be text`);
  }
  return errors;
}

function workingDateErrors(workingDates: unknown, week: Record<string, unknown>): string[] {
  if (workingDates === undefined) return [];
  if (!Array.isArray(workingDates)) return ['workingDates: must be a list of { date, asWeekday? }'];
  const errors: string[] = [];
  for (const [index, entry] of workingDates.entries()) {
    const path = `workingDates[${index}]`;
    if (!isRecord(entry)) {
      errors.push(`${path}: must be { date, asWeekday? }`);
      continue;
    }
    if (!isIsoDate(entry.date))
      errors.push(`${path}.date: ${JSON.stringify(entry.date)} is not a date YYYY-MM-DD`);
    const weekday = entry.asWeekday ?? 'mon';
    if (typeof weekday !== 'string' || !(WEEKDAYS as readonly string[]).includes(weekday))
      errors.push(`${path}.asWeekday: ${JSON.stringify(weekday)} is not one of ${WEEKDAYS.join(', ')}`);
    else if (!Array.isArray(week[weekday]) || (week[weekday] as unknown[]).length === 0)
      errors.push(`${path}.asWeekday: week.${weekday} has no hours to work on ${String(entry.date)}`);
  }
  return errors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
