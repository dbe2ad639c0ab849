import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { daysSinceDelivery, isWithinWindow, returnDeadline, shipBackDeadline } from './return-window.js';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Shanghai', 'Pacific/Auckland', 'America/Sao_Paulo'];

// Any instant 2015–2030: covers every DST change of these zones, including Brazil's
// midnight changes until 2019 and the southern-hemisphere ones.
const instant = fc
  .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const zone = fc.constantFrom(...ZONES);
const windowDays = fc.integer({ min: 0, max: 60 });
const fractionOfDay = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** An instant on the local calendar day `offset` days after `deliveredAt`'s local day. */
function onLocalDay(deliveredAt: string, zoneName: string, offset: number, fraction: number): string {
  const day = DateTime.fromISO(deliveredAt).setZone(zoneName).plus({ days: offset });
  const start = day.startOf('day').toMillis();
  const end = day.endOf('day').toMillis();
  return DateTime.fromMillis(start + Math.floor((end - start) * fraction))
    .toUTC()
    .toISO() as string;
}

describe('returnDeadline', () => {
  it('ends at local midnight of the 7th day after delivery, whatever the hour of delivery', () => {
    expect(returnDeadline('2025-03-03T22:30:00Z', 7, 'Europe/Berlin')).toBe('2025-03-10T23:59:59.999+01:00');
    expect(returnDeadline('2025-03-03T00:30:00+01:00', 7, 'Europe/Berlin')).toBe(
      '2025-03-10T23:59:59.999+01:00',
    );
  });

  it('uses the store zone to decide the delivery day', () => {
    // 23:30 UTC on the 3rd is already the 4th in Shanghai
    expect(returnDeadline('2025-03-03T23:30:00Z', 7, 'Asia/Shanghai')).toBe('2025-03-11T23:59:59.999+08:00');
  });

  it('keeps the deadline at local midnight across a spring-forward change', () => {
    expect(returnDeadline('2025-03-27T10:00:00+01:00', 7, 'Europe/Berlin')).toBe(
      '2025-04-03T23:59:59.999+02:00',
    );
  });

  it('refuses an unknown zone or a broken instant', () => {
    expect(() => returnDeadline('2025-03-03T10:00:00Z', 7, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => returnDeadline('yesterday', 7, 'Europe/Berlin')).toThrow(RangeError);
  });

  it('is always 23:59:59.999 local time on the Nth calendar day', () => {
    fc.assert(
      fc.property(instant, windowDays, zone, (deliveredAt, days, zoneName) => {
        const deadline = DateTime.fromISO(returnDeadline(deliveredAt, days, zoneName)).setZone(zoneName);
        expect(deadline.toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
        const deliveryDay = DateTime.fromISO(deliveredAt).setZone(zoneName).toISODate();
        expect(deadline.minus({ days }).toISODate()).toBe(deliveryDay);
      }),
    );
  });
});

describe('isWithinWindow', () => {
  it('accepts any instant of local day N and refuses any instant of day N + 1', () => {
    fc.assert(
      fc.property(instant, windowDays, zone, fractionOfDay, (deliveredAt, days, zoneName, fraction) => {
        expect(
          isWithinWindow(deliveredAt, onLocalDay(deliveredAt, zoneName, days, fraction), days, zoneName),
        ).toBe(true);
        expect(
          isWithinWindow(deliveredAt, onLocalDay(deliveredAt, zoneName, days + 1, fraction), days, zoneName),
        ).toBe(false);
      }),
    );
  });

  it('does not depend on the hour of delivery within the delivery day', () => {
    fc.assert(
      fc.property(
        instant,
        windowDays,
        zone,
        fractionOfDay,
        fractionOfDay,
        (anchor, days, zoneName, f1, f2) => {
          const early = onLocalDay(anchor, zoneName, 0, Math.min(f1, f2));
          const late = onLocalDay(anchor, zoneName, 0, Math.max(f1, f2));
          expect(returnDeadline(early, days, zoneName)).toBe(returnDeadline(late, days, zoneName));
        },
      ),
    );
  });

  it('agrees with the calendar-day count', () => {
    fc.assert(
      fc.property(instant, instant, windowDays, zone, (deliveredAt, at, days, zoneName) => {
        const inside = daysSinceDelivery(deliveredAt, at, zoneName) <= days;
        expect(isWithinWindow(deliveredAt, at, days, zoneName)).toBe(inside);
      }),
    );
  });
});

describe('daysSinceDelivery', () => {
  it('counts calendar days in the store zone, 0 on the delivery day', () => {
    expect(daysSinceDelivery('2025-03-03T08:00:00Z', '2025-03-03T20:00:00Z', 'Europe/Berlin')).toBe(0);
    expect(daysSinceDelivery('2025-03-03T22:59:00Z', '2025-03-03T23:01:00Z', 'Europe/Berlin')).toBe(1);
  });

  it('counts the days of a DST change as one each', () => {
    expect(daysSinceDelivery('2025-10-25T12:00:00Z', '2025-10-27T12:00:00Z', 'Europe/Berlin')).toBe(2);
  });
});

describe('shipBackDeadline', () => {
  it('gives the customer until the end of the Nth day after approval', () => {
    expect(shipBackDeadline('2025-06-01T09:00:00Z', 7, 'America/New_York')).toBe(
      '2025-06-08T23:59:59.999-04:00',
    );
  });
});
