import { Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { ErrorAlert, Loading } from '../admin';
import { type DashboardFilters, type HeatMapView, periodOf, useFormats } from './dashboard-data';
import { EChart } from './EChart';

/** Return rate by category (or country) and reason: where the returns come from. */
export function HeatMap({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('admin');
  const f = useFormats();
  const [rows, setRows] = useState<'category' | 'country'>('category');
  const query = { ...periodOf(filters.weeks), rows, store: filters.store ?? undefined };
  const heat = useQuery({
    queryKey: ['analytics', 'heat-map', query],
    queryFn: () => api<HeatMapView>('GET', '/analytics/heat-map', { query }),
  });
  const reason = (code: string) => (code ? t(`reasons.${code}`, { defaultValue: code }) : t('dash.noReason'));
  const rowName = (value: string) =>
    !value ? t('dash.none') : rows === 'category' ? t(`categories.${value}`, { defaultValue: value }) : value;

  const chart = (() => {
    const data = heat.data;
    if (!data || data.cells.length === 0) return null;
    const yRows = data.totals.map((r) => r.row);
    const max = Math.max(...data.cells.map((c) => c.returnRate ?? 0), 0.01);
    return {
      option: {
        tooltip: {
          formatter: (p: { value: [number, number, number | null] }) => {
            const [x, y, rate] = p.value;
            const cell = data.cells.find((c) => c.row === yRows[y] && c.reason === data.columns[x]);
            return `${rowName(yRows[y] ?? '')} · ${reason(data.columns[x] ?? '')}<br/>${f.percent(rate)} (${f.number(cell?.unitsReturned)} / ${f.number(cell?.unitsDelivered)})`;
          },
        },
        grid: { left: 8, right: 16, top: 8, bottom: 70, containLabel: true },
        xAxis: {
          type: 'category',
          data: data.columns.map(reason),
          axisLabel: { interval: 0, rotate: 30, color: '#212529' },
          splitArea: { show: true },
        },
        yAxis: {
          type: 'category',
          data: yRows.map(rowName),
          axisLabel: { color: '#212529' },
          splitArea: { show: true },
        },
        visualMap: {
          min: 0,
          max,
          calculable: true,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          inRange: { color: ['#e7f5ff', '#1c7ed6', '#862e9c'] },
          formatter: (v: number) => f.percent(v, 0),
          textStyle: { color: '#212529' },
        },
        series: [
          {
            type: 'heatmap',
            data: data.cells.map((c) => [data.columns.indexOf(c.reason), yRows.indexOf(c.row), c.returnRate]),
            label: {
              show: true,
              formatter: (p: { value: number[] }) => f.percent(p.value[2] ?? null, 1),
              fontSize: 11,
            },
            emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
          },
        ],
      },
      table: {
        caption: t('dash.heatMapCaption', { rows: t(`dash.rows.${rows}`) }),
        columns: [
          t(`dash.rows.${rows}`),
          t('dash.reason'),
          t('dash.returnRate'),
          t('dash.unitsReturned'),
          t('dash.unitsDelivered'),
        ],
        rows: data.cells.map((c) => [
          rowName(c.row),
          reason(c.reason),
          f.percent(c.returnRate),
          f.number(c.unitsReturned),
          f.number(c.unitsDelivered),
        ]),
      },
      height: Math.max(260, yRows.length * 38 + 120),
    };
  })();

  return (
    <Stack gap="sm" component="section" aria-labelledby="heat-map-title">
      <Group justify="space-between">
        <Title order={3} id="heat-map-title">
          {t('dash.heatMap')}
        </Title>
        <SegmentedControl
          aria-label={t('dash.heatMapRows')}
          value={rows}
          onChange={(v) => setRows(v as 'category' | 'country')}
          data={[
            { value: 'category', label: t('dash.rows.category') },
            { value: 'country', label: t('dash.rows.country') },
          ]}
        />
      </Group>
      {heat.isPending ? (
        <Loading />
      ) : heat.isError ? (
        <ErrorAlert error={heat.error} onRetry={() => heat.refetch()} />
      ) : chart ? (
        <EChart
          option={chart.option}
          label={t('dash.heatMapLabel', { rows: t(`dash.rows.${rows}`) })}
          table={chart.table}
          height={chart.height}
        />
      ) : (
        <Text>{t('dash.noReturns')}</Text>
      )}
    </Stack>
  );
}
