import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { ErrorAlert, Loading } from '../admin';
import { type DashboardFilters, useFormats } from './dashboard-data';
import { EChart } from './EChart';

interface ForecastPoint {
  week: string;
  mean: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}
interface ForecastSeries {
  category: string;
  measure: 'units_returned' | 'return_rate' | 'orders';
  history: { week: string; value: number | null }[];
  forecast: ForecastPoint[];
}
interface ForecastView {
  from: string;
  to: string;
  weeks: number;
  method: string;
  series: ForecastSeries[];
}
const MEASURES = ['units_returned', 'return_rate', 'orders'] as const;

/** Weekly history per category with the next 8 weeks forecast and their 80 % / 95 % bands. */
export function TrendsSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('admin');
  const f = useFormats();
  const forecast = useQuery({
    queryKey: ['analytics', 'forecast'],
    queryFn: () => api<ForecastView>('GET', '/analytics/forecast', { query: { weeks: 8, history: 104 } }),
    staleTime: 5 * 60_000,
  });
  const [category, setCategory] = useState<string | null>(null);
  const [measure, setMeasure] = useState<(typeof MEASURES)[number]>('units_returned');

  if (forecast.isPending) return <Loading />;
  if (forecast.isError) return <ErrorAlert error={forecast.error} onRetry={() => forecast.refetch()} />;
  const categories = [...new Set(forecast.data.series.map((s) => s.category))].sort();
  const chosen = category ?? categories[0] ?? null;
  const series = forecast.data.series.find((s) => s.category === chosen && s.measure === measure);
  const history = (series?.history ?? []).slice(-filters.weeks);
  const hasData = history.some((h) => h.value !== null && h.value !== 0);
  const format = (v: number | null | undefined) =>
    measure === 'return_rate' ? f.percent(v) : f.number(v, 1);
  const categoryName = (c: string) => (c ? t(`categories.${c}`, { defaultValue: c }) : t('dash.none'));

  const weeks = [...history.map((h) => h.week), ...(series?.forecast ?? []).map((p) => p.week)];
  const pad = (n: number) => Array<null>(n).fill(null);
  const fc = series?.forecast ?? [];
  const lastActual = history.at(-1)?.value ?? null;
  // The bands are stacked areas: an invisible base at the lower bound, the band's width on top.
  const band = (
    lower: (p: ForecastPoint) => number,
    upper: (p: ForecastPoint) => number,
    name: string,
    color: string,
  ) => [
    {
      type: 'line',
      name: `${name}-base`,
      stack: name,
      data: [...pad(history.length), ...fc.map(lower)],
      lineStyle: { opacity: 0 },
      symbol: 'none',
      tooltip: { show: false },
    },
    {
      type: 'line',
      name,
      stack: name,
      data: [...pad(history.length), ...fc.map((p) => upper(p) - lower(p))],
      lineStyle: { opacity: 0 },
      symbol: 'none',
      itemStyle: { color },
      areaStyle: { color },
    },
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="trends-title">
      <Title order={2} id="trends-title">
        {t('dash.trends')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('dash.category')}
          data={categories.map((c) => ({ value: c, label: categoryName(c) }))}
          value={chosen}
          onChange={setCategory}
          allowDeselect={false}
          w={240}
        />
        <Select
          label={t('dash.measure')}
          data={MEASURES.map((m) => ({ value: m, label: t(`dash.measures.${m}`) }))}
          value={measure}
          onChange={(v) => v && setMeasure(v as (typeof MEASURES)[number])}
          allowDeselect={false}
          w={240}
        />
      </Group>
      <Text size="sm">{t('dash.forecastNote', { weeks: forecast.data.weeks })}</Text>
      {filters.store && <Text size="sm">{t('dash.allStoresOnly')}</Text>}
      {!series || !hasData ? (
        <Text fw={500}>{t('dash.noHistory')}</Text>
      ) : (
        <EChart
          label={t('dash.trendsLabel', {
            category: categoryName(series.category),
            measure: t(`dash.measures.${measure}`),
          })}
          height={360}
          option={{
            tooltip: {
              trigger: 'axis',
              valueFormatter: (v: number | null) => format(v),
            },
            legend: {
              data: [t('dash.actual'), t('dash.forecast'), t('dash.band80'), t('dash.band95')],
              textStyle: { color: '#212529' },
              top: 0,
            },
            grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: weeks.map((w) => f.day(w)), axisLabel: { color: '#212529' } },
            yAxis: {
              type: 'value',
              axisLabel: {
                color: '#212529',
                formatter: (v: number) => (measure === 'return_rate' ? f.percent(v, 0) : f.number(v)),
              },
            },
            series: [
              ...band(
                (p) => p.lower95,
                (p) => p.upper95,
                t('dash.band95'),
                'rgba(24,100,171,0.12)',
              ),
              ...band(
                (p) => p.lower80,
                (p) => p.upper80,
                t('dash.band80'),
                'rgba(24,100,171,0.25)',
              ),
              {
                type: 'line',
                name: t('dash.actual'),
                data: [...history.map((h) => h.value), ...pad(fc.length)],
                itemStyle: { color: '#1864ab' },
                symbolSize: 4,
              },
              {
                type: 'line',
                name: t('dash.forecast'),
                data: [...pad(history.length - 1), lastActual, ...fc.map((p) => p.mean)],
                lineStyle: { type: 'dashed' },
                itemStyle: { color: '#c92a2a' },
                symbolSize: 4,
              },
            ],
          }}
          table={{
            caption: t('dash.trendsLabel', {
              category: categoryName(series.category),
              measure: t(`dash.measures.${measure}`),
            }),
            columns: [
              t('dash.week'),
              t('dash.actual'),
              t('dash.forecast'),
              t('dash.band80'),
              t('dash.band95'),
            ],
            rows: [
              ...history.map((h) => [h.week, format(h.value), '', '', '']),
              ...fc.map((p) => [
                p.week,
                '',
                format(p.mean),
                `${format(p.lower80)} – ${format(p.upper80)}`,
                `${format(p.lower95)} – ${format(p.upper95)}`,
              ]),
            ],
          }}
        />
      )}
    </Stack>
  );
}
