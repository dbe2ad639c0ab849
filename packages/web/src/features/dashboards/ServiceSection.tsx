import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { ErrorAlert, Loading } from '../admin';
import { type DashboardFilters, measureOf, periodOf, useFormats, useMeasures } from './dashboard-data';
import { EChart } from './EChart';
import { KpiCard } from './KpiCard';

const SERVICE_MEASURES = [
  'sla_attainment',
  'csat',
  'csat_score',
  'csat_responses',
  'first_response_minutes',
  'resolution_minutes',
  'cases',
];
interface ClockFigures {
  completed: number;
  medianMinutes: number | null;
  meanMinutes: number | null;
  hit: number;
  missed: number;
  attainment: number | null;
  breaches: number;
}
interface ServiceMeasures {
  groups: {
    group: string;
    metrics: Record<string, ClockFigures>;
    csat: { responses: number; average: number | null; satisfiedShare: number | null };
  }[];
}

/** SLA attainment and satisfaction: headline figures, their weekly course, and each clock. */
export function ServiceSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('admin');
  const f = useFormats();
  const totals = useMeasures(filters, SERVICE_MEASURES);
  const weekly = useMeasures(filters, ['sla_attainment', 'csat', 'csat_responses'], 'week');
  const period = periodOf(filters.weeks);
  const clocks = useQuery({
    queryKey: ['measures', 'service', period],
    queryFn: () =>
      api<ServiceMeasures>('GET', '/measures/service', {
        query: { from: `${period.from}T00:00:00Z`, to: `${period.to}T00:00:00Z`, groupBy: 'none' },
      }),
  });

  if (totals.isPending) return <Loading />;
  if (totals.isError) return <ErrorAlert error={totals.error} onRetry={() => totals.refetch()} />;
  const row = totals.data.rows[0];
  const responses = measureOf(row, 'csat_responses') ?? 0;
  const sla = measureOf(row, 'sla_attainment');
  const weeks = (weekly.data?.rows ?? [])
    .filter((r) => r.key.week)
    .sort((a, b) => (a.key.week ?? '').localeCompare(b.key.week ?? ''));
  const hasWeekly = weeks.some(
    (w) => measureOf(w, 'sla_attainment') !== null || measureOf(w, 'csat') !== null,
  );
  const metrics = clocks.data?.groups[0]?.metrics ?? {};

  return (
    <Stack gap="lg">
      <Title order={2}>{t('dash.service')}</Title>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <KpiCard label={t('dash.slaAttainment')} value={f.percent(sla)} hint={t('dash.slaTarget')} />
        <KpiCard
          label={t('dash.csat')}
          value={responses ? f.percent(measureOf(row, 'csat')) : '—'}
          hint={t('dash.csatTarget')}
        />
        <KpiCard
          label={t('dash.csatScore')}
          value={responses ? f.number(measureOf(row, 'csat_score'), 2) : '—'}
          hint={t('dash.responses', { count: responses, n: f.number(responses) })}
        />
        <KpiCard
          label={t('dash.firstResponse')}
          value={f.duration(measureOf(row, 'first_response_minutes'))}
        />
        <KpiCard label={t('dash.resolution')} value={f.duration(measureOf(row, 'resolution_minutes'))} />
      </SimpleGrid>
      {sla === null && responses === 0 ? (
        <Text fw={500}>{t('dash.noService')}</Text>
      ) : (
        <Stack gap="sm" component="section" aria-labelledby="service-weekly-title">
          <Title order={3} id="service-weekly-title">
            {t('dash.serviceWeekly')}
          </Title>
          {weekly.isError ? (
            <ErrorAlert error={weekly.error} />
          ) : !hasWeekly ? (
            <Text>{t('dash.noService')}</Text>
          ) : (
            <EChart
              label={t('dash.serviceWeeklyLabel')}
              option={{
                tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => f.percent(v) },
                legend: {
                  top: 0,
                  data: [t('dash.slaAttainment'), t('dash.csat')],
                  textStyle: { color: '#212529' },
                },
                grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
                xAxis: {
                  type: 'category',
                  data: weeks.map((w) => f.day(w.key.week ?? '')),
                  axisLabel: { color: '#212529' },
                },
                yAxis: {
                  type: 'value',
                  min: 0,
                  max: 1,
                  axisLabel: { color: '#212529', formatter: (v: number) => f.percent(v, 0) },
                },
                series: [
                  {
                    type: 'line',
                    name: t('dash.slaAttainment'),
                    data: weeks.map((w) => measureOf(w, 'sla_attainment')),
                    itemStyle: { color: '#1864ab' },
                  },
                  {
                    type: 'line',
                    name: t('dash.csat'),
                    data: weeks.map((w) => measureOf(w, 'csat')),
                    itemStyle: { color: '#2b8a3e' },
                  },
                ],
              }}
              table={{
                caption: t('dash.serviceWeekly'),
                columns: [t('dash.week'), t('dash.slaAttainment'), t('dash.csat'), t('dash.csatResponses')],
                rows: weeks.map((w) => [
                  w.key.week ?? '',
                  f.percent(measureOf(w, 'sla_attainment')),
                  f.percent(measureOf(w, 'csat')),
                  f.number(measureOf(w, 'csat_responses')),
                ]),
              }}
            />
          )}
        </Stack>
      )}
      <Stack gap="sm" component="section" aria-labelledby="clocks-title">
        <Title order={3} id="clocks-title">
          {t('dash.clocks')}
        </Title>
        {filters.store && <Text size="sm">{t('dash.allStoresOnly')}</Text>}
        {clocks.isPending ? (
          <Loading />
        ) : clocks.isError ? (
          <ErrorAlert error={clocks.error} />
        ) : Object.keys(metrics).length === 0 ? (
          <Text>{t('dash.noService')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dash.clock')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.slaAttainment')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.hitMissed')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.median')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.mean')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.breaches')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(metrics).map(([name, m]) => (
                  <Table.Tr key={name}>
                    <Table.Th scope="row">{t(`sla.metric.${name}`, { defaultValue: name })}</Table.Th>
                    <Table.Td ta="right">{f.percent(m.attainment)}</Table.Td>
                    <Table.Td ta="right">
                      {f.number(m.hit)} / {f.number(m.missed)}
                    </Table.Td>
                    <Table.Td ta="right">{f.duration(m.medianMinutes)}</Table.Td>
                    <Table.Td ta="right">{f.duration(m.meanMinutes)}</Table.Td>
                    <Table.Td ta="right">{f.number(m.breaches)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
