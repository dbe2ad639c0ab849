import type { OrderInput } from '@afterdesk/contract';
import type { DemoHistoryCase } from './demo-history-cases.js';

// The history as weekly series per category, for forecasts and their backtest: the same
// numbers a database would give, summed here without one.

/** One ISO week of one category (week = its Monday, in UTC). Returns count in the week the case was filed. */
export interface DemoWeek {
  week: string;
  category: string;
  orders: number;
  unitsSold: number;
  unitsDelivered: number;
  unitsReturned: number;
  cases: number;
}

/** Units sold (by order week), delivered (by delivery week) and returned (by filing week) per week and category. */
export function weeklySeries(orders: OrderInput[], cases: DemoHistoryCase[]): DemoWeek[] {
  const weeks = new Map<string, DemoWeek>();
  const bucket = (at: string, category: string) => {
    const week = mondayOf(Date.parse(at));
    const key = `${week}/${category}`;
    let row = weeks.get(key);
    if (!row) {
      row = { week, category, orders: 0, unitsSold: 0, unitsDelivered: 0, unitsReturned: 0, cases: 0 };
      weeks.set(key, row);
    }
    return row;
  };
  const categoryOf = new Map<string, string>();
  for (const order of orders) {
    if (order.status === 'cancelled') continue;
    const delivered = order.shipments?.[0]?.deliveredAt;
    const seen = new Set<string>();
    for (const line of order.lines) {
      const category = line.category ?? 'other';
      categoryOf.set(`${order.externalId}/${line.externalId}`, category);
      const row = bucket(order.placedAt, category);
      if (!seen.has(category)) row.orders += 1;
      seen.add(category);
      row.unitsSold += line.quantity;
      if (delivered) bucket(delivered, category).unitsDelivered += line.quantity;
    }
  }
  for (const c of cases) {
    const categories = new Set<string>();
    for (const item of c.items) {
      const category = categoryOf.get(`${c.orderExternalId}/${item.lineExternalId}`) ?? 'other';
      categories.add(category);
      if (c.returnsGoods) bucket(c.createdAt, category).unitsReturned += item.quantity;
    }
    for (const category of categories) bucket(c.createdAt, category).cases += 1;
  }
  return [...weeks.values()].sort(
    (a, b) => a.week.localeCompare(b.week) || a.category.localeCompare(b.category),
  );
}

/** The Monday (UTC) of the ISO week of an instant, as YYYY-MM-DD. */
function mondayOf(ms: number): string {
  const d = new Date(ms);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return new Date(monday).toISOString().slice(0, 10);
}
