import type { CasesBehindView, HeatMapView } from '@afterdesk/contract';
import type { ExportColumn, ExportTable } from '../../exports/index.js';
import type { MeasureName, MeasureResult } from './measures.js';

// Measures shown as shares (0..1) and as money in a spreadsheet; the others are numbers.
const PERCENT = new Set<MeasureName>([
  'return_rate',
  'order_return_rate',
  'auto_approval_share',
  'sla_attainment',
  'closure_rate',
  'repeat_complaint_rate',
  'csat',
]);

/** A measure result as one exportable table: its groups, then its measures. */
export function measuresTable(result: MeasureResult, groups: string[], measures: MeasureName[]): ExportTable {
  const columns: ExportColumn[] = [
    ...groups.map(
      (g) => ({ key: g, title: g, type: ['day', 'week', 'month'].includes(g) ? 'date' : 'text' }) as const,
    ),
    ...measures.map(
      (m) =>
        ({
          key: m,
          title: m === 'refunded' ? `refunded (${result.currency})` : m,
          type: m === 'refunded' ? 'money' : PERCENT.has(m) ? 'percent' : 'number',
        }) as const,
    ),
  ];
  return {
    name: 'measures',
    columns,
    rows: result.rows.map((r) => ({ ...r.key, ...r.values })),
  };
}

export function heatMapTable(view: HeatMapView): ExportTable {
  return {
    name: `return rate by ${view.rows} and reason`,
    columns: [
      { key: 'row', title: view.rows, type: 'text' },
      { key: 'reason', title: 'reason', type: 'text' },
      { key: 'unitsReturned', title: 'units returned', type: 'number' },
      { key: 'unitsDelivered', title: 'units delivered', type: 'number' },
      { key: 'returnRate', title: 'return rate', type: 'percent' },
    ],
    rows: view.cells,
  };
}

export function casesTable(view: CasesBehindView): ExportTable {
  return {
    name: 'cases',
    columns: [
      { key: 'number', title: 'case', type: 'number' },
      { key: 'kind', title: 'kind', type: 'text' },
      { key: 'status', title: 'status', type: 'text' },
      { key: 'channel', title: 'channel', type: 'text' },
      { key: 'store', title: 'store', type: 'text' },
      { key: 'country', title: 'country', type: 'text' },
      { key: 'createdAt', title: 'created', type: 'date' },
      { key: 'skus', title: 'SKUs', type: 'text' },
      { key: 'reasons', title: 'reasons', type: 'text' },
      { key: 'units', title: 'units', type: 'number' },
    ],
    rows: view.items.map((c) => ({
      ...c,
      skus: [...new Set(c.items.map((i) => i.sku))].join(' '),
      reasons: [...new Set(c.items.map((i) => i.reason))].join(' '),
      units: c.items.reduce((n, i) => n + i.quantity, 0),
    })),
  };
}
