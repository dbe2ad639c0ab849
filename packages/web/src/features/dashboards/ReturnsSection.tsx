import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../admin';
import { type DashboardFilters, measureOf, useFormats, useMeasures } from './dashboard-data';
import { EChart } from './EChart';
import { HeatMap } from './HeatMap';
import { KpiCard } from './KpiCard';

const AXIS_TEXT = { color: '#212529' };

/** Return rate, its weekly course, the top reasons and the category × reason heat map. */
export function ReturnsSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('admin');
  const f = useFormats();
  const totals = useMeasures(filters, [
    'return_rate',
    'units_returned',
    'units_delivered',
    'orders_returned',
    'refunded',
    'cases',
  ]);
  const weekly = useMeasures(filters, ['return_rate', 'units_returned', 'units_delivered'], 'week');
  const reasons = useMeasures(filters, ['units_returned'], 'reason');
  const reason = (code: string) => (code ? t(`reasons.${code}`, { defaultValue: code }) : t('dash.noReason'));

  if (totals.isPending) return <Loading />;
  if (totals.isError) return <ErrorAlert error={totals.error} onRetry={() => totals.refetch()} />;
  const row = totals.data.rows[0];
  const returned = measureOf(row, 'units_returned') ?? 0;
  const delivered = measureOf(row, 'units_delivered') ?? 0;
  const currency = totals.data.currency;

  const weeks = (weekly.data?.rows ?? [])
    .filter((r) => r.key.week)
    .sort((a, b) => (a.key.week ?? '').localeCompare(b.key.week ?? ''));
  const topReasons = (reasons.data?.rows ?? [])
    .map((r) => ({ reason: r.key.reason ?? '', units: measureOf(r, 'units_returned') ?? 0 }))
    .filter((r) => r.units > 0)
    .sort((a, b) => b.units - a.units)
    .slice(0, 8);

  return (
    <Stack gap="lg">
      <Title order={2}>{t('dash.returnsTitle')}</Title>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <KpiCard label={t('dash.returnRate')} value={f.percent(measureOf(row, 'return_rate'))} />
        <KpiCard label={t('dash.unitsReturned')} value={f.number(returned)} />
        <KpiCard label={t('dash.unitsDelivered')} value={f.number(delivered)} />
        <KpiCard label={t('dash.cases')} value={f.number(measureOf(row, 'cases'))} />
        <KpiCard
          label={t('dash.refunded')}
          value={f.money(measureOf(row, 'refunded'), currency)}
          hint={t('dash.inCurrency', { currency })}
        />
      </SimpleGrid>
      {measureOf(row, 'refunded') === null && totals.data.notes.length > 0 && (
        <Text size="sm">{t('dash.missingRates', { currency })}</Text>
      )}

      {returned === 0 && delivered === 0 ? (
        <Text fw={500}>{t('dash.noReturns')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Stack gap="sm" component="section" aria-labelledby="weekly-rate-title">
            <Title order={3} id="weekly-rate-title">
              {t('dash.weeklyRate')}
            </Title>
            {weekly.isError ? (
              <ErrorAlert error={weekly.error} />
            ) : weeks.length === 0 ? (
              <Text>{t('dash.noReturns')}</Text>
            ) : (
              <EChart
                label={t('dash.weeklyRateLabel')}
                option={{
                  tooltip: { trigger: 'axis', valueFormatter: (v: number) => f.percent(v) },
                  grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
                  xAxis: {
                    type: 'category',
                    data: weeks.map((w) => f.day(w.key.week ?? '')),
                    axisLabel: AXIS_TEXT,
                  },
                  yAxis: {
                    type: 'value',
                    axisLabel: { ...AXIS_TEXT, formatter: (v: number) => f.percent(v, 0) },
                  },
                  series: [
                    {
                      type: 'line',
                      name: t('dash.returnRate'),
                      data: weeks.map((w) => measureOf(w, 'return_rate')),
                      connectNulls: false,
                      itemStyle: { color: '#1864ab' },
                    },
                  ],
                }}
                table={{
                  caption: t('dash.weeklyRate'),
                  columns: [
                    t('dash.week'),
                    t('dash.returnRate'),
                    t('dash.unitsReturned'),
                    t('dash.unitsDelivered'),
                  ],
                  rows: weeks.map((w) => [
                    w.key.week ?? '',
                    f.percent(measureOf(w, 'return_rate')),
                    f.number(measureOf(w, 'units_returned')),
                    f.number(measureOf(w, 'units_delivered')),
                  ]),
                }}
              />
            )}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="top-reasons-title">
            <Title order={3} id="top-reasons-title">
              {t('dash.topReasons')}
            </Title>
            {reasons.isError ? (
              <ErrorAlert error={reasons.error} />
            ) : topReasons.length === 0 ? (
              <Text>{t('dash.noReturns')}</Text>
            ) : (
              <EChart
                label={t('dash.topReasonsLabel')}
                option={{
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
                  xAxis: { type: 'value', axisLabel: AXIS_TEXT },
                  yAxis: {
                    type: 'category',
                    inverse: true,
                    data: topReasons.map((r) => reason(r.reason)),
                    axisLabel: AXIS_TEXT,
                  },
                  series: [
                    {
                      type: 'bar',
                      name: t('dash.unitsReturned'),
                      data: topReasons.map((r) => r.units),
                      label: {
                        show: true,
                        position: 'right',
                        color: '#212529',
                        formatter: (p: { value: number }) => f.number(p.value),
                      },
                      itemStyle: { color: '#1864ab' },
                    },
                  ],
                }}
                table={{
                  caption: t('dash.topReasons'),
                  columns: [t('dash.reason'), t('dash.unitsReturned')],
                  rows: topReasons.map((r) => [reason(r.reason), f.number(r.units)]),
                }}
              />
            )}
          </Stack>
        </SimpleGrid>
      )}
      <HeatMap filters={filters} />
    </Stack>
  );
}
