import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { ErrorAlert, Loading } from '../admin';
import { type DashboardFilters, measureOf, useFormats, useMeasures } from './dashboard-data';
import { EChart } from './EChart';

const KPIS = [
  'cases',
  'closure_rate',
  'first_response_minutes',
  'resolution_minutes',
  'sla_attainment',
  'csat',
  'csat_responses',
  'repeat_complaint_rate',
];

/** Per agent: cases, resolution rate, response times, SLA attainment, CSAT, repeat complaints. */
export function AgentKpisSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('admin');
  const f = useFormats();
  const kpis = useMeasures(filters, KPIS, 'agent');
  // Names come from the agents list, which a role without helpdesk:manage may not read.
  const agents = useQuery({
    queryKey: ['agents'],
    queryFn: () => api<{ items: { id: string; name: string }[] }>('GET', '/agents'),
    retry: false,
  });
  const name = (id: string) =>
    id ? (agents.data?.items.find((a) => a.id === id)?.name ?? `${id.slice(0, 8)}…`) : t('dash.unassigned');

  if (kpis.isPending) return <Loading />;
  if (kpis.isError) return <ErrorAlert error={kpis.error} onRetry={() => kpis.refetch()} />;
  const rows = kpis.data.rows
    .filter(
      (r) =>
        (measureOf(r, 'cases') ?? 0) > 0 ||
        (measureOf(r, 'csat_responses') ?? 0) > 0 ||
        measureOf(r, 'sla_attainment') !== null,
    )
    .sort((a, b) => (measureOf(b, 'cases') ?? 0) - (measureOf(a, 'cases') ?? 0));
  const withSla = rows.filter((r) => r.key.agent && measureOf(r, 'sla_attainment') !== null);

  return (
    <Stack gap="lg" component="section" aria-labelledby="agent-kpis-title">
      <Title order={2} id="agent-kpis-title">
        {t('dash.agentKpis')}
      </Title>
      {rows.length === 0 ? (
        <Text fw={500}>{t('dash.noAgentData')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dash.agent')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.cases')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.closureRate')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.firstResponse')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.resolution')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.slaAttainment')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.csat')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dash.repeatComplaints')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key.agent ?? ''}>
                    <Table.Th scope="row">{name(r.key.agent ?? '')}</Table.Th>
                    <Table.Td ta="right">{f.number(measureOf(r, 'cases'))}</Table.Td>
                    <Table.Td ta="right">{f.percent(measureOf(r, 'closure_rate'))}</Table.Td>
                    <Table.Td ta="right">{f.duration(measureOf(r, 'first_response_minutes'))}</Table.Td>
                    <Table.Td ta="right">{f.duration(measureOf(r, 'resolution_minutes'))}</Table.Td>
                    <Table.Td ta="right">{f.percent(measureOf(r, 'sla_attainment'))}</Table.Td>
                    <Table.Td ta="right">
                      {measureOf(r, 'csat_responses')
                        ? t('dash.csatWithCount', {
                            csat: f.percent(measureOf(r, 'csat')),
                            n: f.number(measureOf(r, 'csat_responses')),
                          })
                        : '—'}
                    </Table.Td>
                    <Table.Td ta="right">{f.percent(measureOf(r, 'repeat_complaint_rate'))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {withSla.length > 0 && (
            <EChart
              label={t('dash.agentSlaLabel')}
              height={Math.max(200, withSla.length * 36 + 60)}
              option={{
                tooltip: {
                  trigger: 'axis',
                  axisPointer: { type: 'shadow' },
                  valueFormatter: (v: number) => f.percent(v),
                },
                grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
                xAxis: {
                  type: 'value',
                  min: 0,
                  max: 1,
                  axisLabel: { color: '#212529', formatter: (v: number) => f.percent(v, 0) },
                },
                yAxis: {
                  type: 'category',
                  inverse: true,
                  data: withSla.map((r) => name(r.key.agent ?? '')),
                  axisLabel: { color: '#212529' },
                },
                series: [
                  {
                    type: 'bar',
                    name: t('dash.slaAttainment'),
                    data: withSla.map((r) => measureOf(r, 'sla_attainment')),
                    itemStyle: { color: '#1864ab' },
                    label: {
                      show: true,
                      position: 'right',
                      color: '#212529',
                      formatter: (p: { value: number }) => f.percent(p.value),
                    },
                  },
                ],
              }}
              table={{
                caption: t('dash.agentSlaLabel'),
                columns: [t('dash.agent'), t('dash.slaAttainment')],
                rows: withSla.map((r) => [
                  name(r.key.agent ?? ''),
                  f.percent(measureOf(r, 'sla_attainment')),
                ]),
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
