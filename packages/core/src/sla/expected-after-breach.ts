import type { BusinessCalendar } from './business-calendar.js';
import { addBusinessMinutes } from './business-time.js';
import { calendarFor, type SlaClock } from './sla-clock.js';

/**
 * The time to give a customer whose clock ran out (R-9.4: "tell the customer the expected
 * time"): a fresh budget of the same size, counted from the missed due time in the clock's
 * own calendar. The customer was promised that much open time once; promising it again
 * from the moment the first promise failed is the plainest honest figure, and it lands
 * inside working hours as the first one did. Null for a clock that is not running.
 */
export function expectedAfterBreach(clock: SlaClock, businessCal: BusinessCalendar): Date | null {
  if (!clock.dueAt) return null;
  return addBusinessMinutes(calendarFor(clock.target, businessCal), clock.dueAt, clock.budgetMinutes);
}
