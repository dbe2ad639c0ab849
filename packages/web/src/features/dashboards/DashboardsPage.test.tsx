import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithProviders } from '../../ui/render.test-helpers';
import type { ChartTable } from './EChart';

// ECharts draws on a canvas jsdom does not have: the wrapper is replaced by what it is
// given, its label and its table, which is also what screen readers get.
const charts: { label: string; option: unknown }[] = [];
vi.mock('./EChart', () => ({
  EChart: ({ label, option, table }: { label: string; option: unknown; table: ChartTable }) => {
    charts.push({ label, option });
    return (
      <table aria-label={label}>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.join('|')}>
              {row.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: positional cells
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  },
}));

import { DashboardsPage } from './DashboardsPage';

const me = {
  tenantId: 't',
  kind: 'user',
  id: 'u',
  name: 'Ada',
  role: 'admin',
  permissions: ['measures:read'],
};
const measures = (rows: { key: Record<string, string>; values: Record<string, number | null> }[]) => ({
  body: { from: '2026-08-31', to: '2026-11-23', currency: 'EUR', rows, notes: [], sources: [] },
});
const heatMap = {
  from: '2026-08-31',
  to: '2026-11-23',
  rows: 'category',
  columns: ['quality_defect', 'size_not_fit'],
  cells: [
    {
      row: 'electronics',
      reason: 'quality_defect',
      unitsReturned: 24,
      unitsDelivered: 276,
      returnRate: 24 / 276,
    },
    { row: 'fashion_shoes', reason: 'size_not_fit', unitsReturned: 5, unitsDelivered: 100, returnRate: 0.05 },
  ],
  totals: [
    { row: 'electronics', unitsReturned: 24, unitsDelivered: 276, returnRate: 24 / 276 },
    { row: 'fashion_shoes', unitsReturned: 5, unitsDelivered: 100, returnRate: 0.05 },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  charts.length = 0;
});

describe('DashboardsPage', () => {
  it('says plainly that there were no returns in an empty period, with no chart', async () => {
    const api = fakeApi({
      'GET /api/v1/auth/me': () => ({ body: me }),
      'GET /api/v1/analytics/measures': () => measures([]),
      'GET /api/v1/analytics/heat-map': () => ({ body: { ...heatMap, columns: [], cells: [], totals: [] } }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<DashboardsPage />, { namespace: 'admin' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboards' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByText('No returns in this period.').length).toBeGreaterThanOrEqual(2),
    );
    expect(charts).toHaveLength(0);
  });

  it('draws the heat map from the API’s cells and offers them as a table', async () => {
    const api = fakeApi({
      'GET /api/v1/auth/me': () => ({ body: me }),
      'GET /api/v1/analytics/measures': (_body, url) => {
        const groupBy = url.searchParams.get('groupBy');
        if (groupBy === 'store')
          return measures([{ key: { store: 'eu' }, values: { orders: 10, cases: 2 } }]);
        if (groupBy === 'reason')
          return measures([{ key: { reason: 'quality_defect' }, values: { units_returned: 24 } }]);
        if (groupBy === 'week')
          return measures([
            {
              key: { week: '2026-11-16' },
              values: { return_rate: 0.1, units_returned: 3, units_delivered: 30 },
            },
          ]);
        return measures([
          {
            key: {},
            values: {
              return_rate: 29 / 376,
              units_returned: 29,
              units_delivered: 376,
              cases: 20,
              refunded: 1234.5,
            },
          },
        ]);
      },
      'GET /api/v1/analytics/heat-map': () => ({ body: heatMap }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<DashboardsPage />, { namespace: 'admin' });

    const heat = await screen.findByRole('table', {
      name: 'Heat map of the return rate per Category and reason',
    });
    expect(
      within(heat).getByRole('row', { name: /Electronics Quality problem 8\.7% 24 276/ }),
    ).toBeInTheDocument();
    expect(within(heat).getByRole('row', { name: /Shoes Size does not fit 5% 5 100/ })).toBeInTheDocument();
    const option = charts.findLast((c) => c.label.startsWith('Heat map'))?.option as {
      series: { type: string; data: unknown[] }[];
      xAxis: { data: string[] };
    };
    expect(option.series[0]?.type).toBe('heatmap');
    expect(option.series[0]?.data).toEqual([
      [0, 0, 24 / 276],
      [1, 1, 0.05],
    ]);
    expect(option.xAxis.data).toEqual(['Quality problem', 'Size does not fit']);
    expect(screen.getByText('7.7%')).toBeInTheDocument();
    expect(screen.getByText('€1,234.50')).toBeInTheDocument();
  });

  it('drills down from an alert to the cases of its subject and week', async () => {
    const alert = {
      id: 'a1',
      kind: 'spike',
      subjectType: 'sku',
      subject: 'SHOE-RUN-42',
      week: '2026-11-09',
      events: 12,
      units: 60,
      baselineEvents: 10,
      baselineUnits: 500,
      rate: 0.2,
      baselineRate: 0.04,
      ratio: 5,
      pValue: 0.0001,
      qValue: 0.001,
      plan: null,
      topReasons: [{ reason: 'size_not_fit', count: 9 }],
      comments: [],
      status: 'open',
      acknowledgedBy: null,
      acknowledgedAt: null,
      createdAt: '2026-11-16T00:00:00Z',
      updatedAt: '2026-11-16T00:00:00Z',
    };
    const casesQueries: URLSearchParams[] = [];
    const api = fakeApi({
      'GET /api/v1/auth/me': () => ({ body: me }),
      'GET /api/v1/analytics/measures': () => measures([]),
      'GET /api/v1/analytics/heat-map': () => ({ body: { ...heatMap, columns: [], cells: [], totals: [] } }),
      'GET /api/v1/analytics/alerts': () => ({ body: { items: [alert], nextCursor: null } }),
      'GET /api/v1/analytics/cases': (_body, url) => {
        casesQueries.push(url.searchParams);
        return {
          body: {
            items: [
              {
                id: 'case-7',
                number: 7001,
                kind: 'return',
                status: 'refunded',
                channel: 'web',
                store: 'eu',
                country: 'DE',
                team: '',
                agent: '',
                createdAt: '2026-11-10T09:00:00Z',
                closedAt: null,
                items: [
                  {
                    sku: 'SHOE-RUN-42',
                    category: 'fashion_shoes',
                    supplier: '',
                    batch: '',
                    reason: 'size_not_fit',
                    quantity: 1,
                  },
                ],
              },
            ],
            nextCursor: null,
          },
        };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<DashboardsPage />, { namespace: 'admin' });
    await userEvent.click(await screen.findByRole('tab', { name: 'Early warnings' }));
    expect(await screen.findByRole('heading', { name: 'SKU SHOE-RUN-42' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show the cases' }));

    expect(await screen.findByRole('link', { name: '#7001' })).toHaveAttribute(
      'href',
      '/console/cases/case-7',
    );
    expect(casesQueries).toHaveLength(1);
    const query = casesQueries[0] as URLSearchParams;
    expect(query.get('sku')).toBe('SHOE-RUN-42');
    expect(query.get('from')).toBe('2026-11-09');
    expect(query.get('to')).toBe('2026-11-16');
  });
});
