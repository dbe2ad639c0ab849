import { ensureContractFormats, OrderInput } from '@afterdesk/contract';
import { CASE_KINDS, transition } from '@afterdesk/core';
import { Value } from '@sinclair/typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoHistory, generateDemoHistory } from './index.js';

const NOW = '2025-06-02T08:00:00Z';

describe('the demo history', () => {
  let history: DemoHistory;
  beforeAll(() => {
    ensureContractFormats();
    history = generateDemoHistory(20_240_917, { now: NOW });
  });

  it('is the same for a seed and differs for another', () => {
    const short = (seed: number) => generateDemoHistory(seed, { now: NOW, weeks: 6 });
    expect(JSON.stringify(short(1))).toBe(JSON.stringify(short(1)));
    expect(JSON.stringify(short(1))).not.toBe(JSON.stringify(short(2)));
  });

  it('covers two years up to now with about 3,000 valid orders and nothing in the future', () => {
    expect(history.from).toBe('2023-06-05T00:00:00.000Z');
    expect(history.orders.length).toBeGreaterThan(2500);
    expect(history.orders.length).toBeLessThan(4000);
    const invalid = history.orders.filter((o): boolean => !Value.Check(OrderInput, o));
    expect(invalid.map((o) => [o.externalId, [...Value.Errors(OrderInput, o)][0]?.path])).toEqual([]);
    const end = Date.parse(NOW);
    const times = history.cases.flatMap((c) => [
      c.createdAt,
      ...c.steps.map((s) => s.at),
      ...c.messages.map((m) => m.at),
    ]);
    expect(times.every((t) => Date.parse(t) < end)).toBe(true);
  });

  it('has every case kind, and each case walks a legal path through the life-cycle machine', () => {
    expect(new Set(history.cases.map((c) => c.kind))).toEqual(new Set(CASE_KINDS));
    for (const c of history.cases) {
      let snapshot: Parameters<typeof transition>[0] = {
        id: c.key,
        kind: c.kind,
        status: c.items.length > 0 ? 'submitted' : 'open',
        version: 1,
      };
      for (const step of c.steps) {
        const by = { type: step.by, id: step.by === 'system' ? null : 'x' } as const;
        const result = transition(snapshot, { ...step, by, data: step.data ?? {} });
        expect(result.ok, `${c.key} ${c.kind} ${snapshot.status} → ${step.type}`).toBe(true);
        if (result.ok) snapshot = { ...snapshot, status: result.status, version: result.version };
      }
    }
  });

  it('sells more in November than in July, and fashion comes back more than beauty', () => {
    const byMonth = (month: number) =>
      history.orders.filter((o) => new Date(o.placedAt).getUTCMonth() === month).length;
    expect(byMonth(10)).toBeGreaterThan(1.6 * byMonth(6));
    const rate = (category: string) => {
      const rows = history.weekly.filter((w) => w.category === category);
      return rows.reduce((n, w) => n + w.unitsReturned, 0) / rows.reduce((n, w) => n + w.unitsDelivered, 0);
    };
    expect(rate('fashion_shoes')).toBeGreaterThan(2 * rate('electronics'));
    expect(rate('electronics')).toBeGreaterThan(rate('beauty'));
  });

  it('plants a batch of chargers from a new supplier that comes back far more often, in the last weeks', () => {
    const { spike } = history.planted;
    const delivered = new Map<string, number>();
    const batchOf = new Map<string, string>();
    for (const o of history.orders) {
      if (!o.shipments?.[0]?.deliveredAt) continue;
      for (const l of o.lines.filter((x) => x.sku === spike.sku)) {
        const batch = l.attributes?.batch ?? '';
        batchOf.set(`${o.externalId}/${l.externalId}`, batch);
        delivered.set(batch, (delivered.get(batch) ?? 0) + l.quantity);
      }
    }
    let spikeReturned = 0;
    let otherReturned = 0;
    for (const c of history.cases.filter((x) => x.returnsGoods)) {
      for (const i of c.items) {
        const batch = batchOf.get(`${c.orderExternalId}/${i.lineExternalId}`);
        if (batch === spike.batch) spikeReturned += i.quantity;
        else if (batch !== undefined) otherReturned += i.quantity;
      }
    }
    const spikeDelivered = delivered.get(spike.batch) ?? 0;
    const otherDelivered = [...delivered].reduce((n, [b, q]) => (b === spike.batch ? n : n + q), 0);
    expect(spikeDelivered).toBeGreaterThan(40);
    expect(spikeReturned / spikeDelivered).toBeGreaterThan(3 * (otherReturned / otherDelivered));
    const supplier = history.orders.flatMap((o) => o.lines).find((l) => l.attributes?.batch === spike.batch)
      ?.attributes?.supplier;
    expect(supplier).toBe(spike.supplier);
  });

  it('has a serial returner, accounts sharing a phone, repeat complainers and orders above 5,000', () => {
    const { planted } = history;
    const returnsOf = (customer: string) =>
      history.cases.filter((c) => c.customerExternalId === customer && c.returnsGoods).length;
    const ordersOf = (customer: string) =>
      history.orders.filter((o) => o.customer.externalId === customer && o.status === 'delivered').length;
    expect(returnsOf(planted.serialReturner)).toBeGreaterThan(0.5 * ordersOf(planted.serialReturner));
    const sharing = new Set(
      history.orders
        .filter((o) => o.customer.phone === planted.sharedPhone)
        .map((o) => o.customer.externalId),
    );
    expect(sharing.size).toBeGreaterThanOrEqual(3);
    expect(planted.repeatComplainers.length).toBeGreaterThanOrEqual(2);
    for (const id of planted.highValueOrders) {
      const order = history.orders.find((o) => o.externalId === id);
      const goods = order?.lines.reduce((n, l) => n + l.quantity * l.unitPriceMinor, 0) ?? 0;
      expect(goods).toBeGreaterThan(500_000);
    }
  });

  it('sums its weekly series from the orders and cases themselves', () => {
    const sold = history.orders
      .filter((o) => o.status !== 'cancelled')
      .flatMap((o) => o.lines)
      .reduce((n, l) => n + l.quantity, 0);
    expect(history.weekly.reduce((n, w) => n + w.unitsSold, 0)).toBe(sold);
    const returned = history.cases
      .filter((c) => c.returnsGoods)
      .flatMap((c) => c.items)
      .reduce((n, i) => n + i.quantity, 0);
    expect(history.weekly.reduce((n, w) => n + w.unitsReturned, 0)).toBe(returned);
  });
});
