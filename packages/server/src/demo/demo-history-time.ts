import type { OrderInput } from '@afterdesk/contract';
import type { DateTime } from 'luxon';
import { DEMO_STORES } from './demo-stores.js';
import type { Prng } from './prng.js';

/** An instant as the history writes it: UTC, without milliseconds. */
export const isoOf = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true }) ?? '';

/** The time zone of the order's store, in which agents keep office hours. */
export function zoneOf(order: OrderInput): string {
  return DEMO_STORES.find((s) => s.code === order.storeCode)?.timeZone ?? 'UTC';
}

/**
 * When an agent gets to something that arrived at `from`: mostly within the hour or a few,
 * always in office hours (8–18, Monday to Friday) of the order's time zone.
 */
export function workingTime(random: Prng, from: DateTime, zone: string): DateTime {
  const delay = random.weighted([
    [random.int(10, 55), 40],
    [random.int(60, 180), 30],
    [random.int(180, 480), 20],
    [random.int(480, 1800), 10],
  ] as const);
  let t = from.setZone(zone).plus({ minutes: delay });
  for (let i = 0; i < 4 && (t.weekday > 5 || t.hour < 8 || t.hour >= 18); i++) {
    const nextDay = t.hour >= 18 || t.weekday > 5 ? t.plus({ days: 1 }) : t;
    t = nextDay.set({ hour: 8, minute: random.int(0, 90) });
    while (t.weekday > 5) t = t.plus({ days: 1 });
  }
  return t.toUTC();
}
