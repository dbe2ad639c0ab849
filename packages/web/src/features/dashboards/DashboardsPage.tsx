import { Group, SegmentedControl, Select, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedPage } from '../admin';
import { AgentKpisSection } from './AgentKpisSection';
import { AlertsSection } from './AlertsSection';
import { type DashboardFilters, periodOf, useFormats, useMeasures } from './dashboard-data';
import { ReturnsSection } from './ReturnsSection';
import { ServiceSection } from './ServiceSection';
import { TrendsSection } from './TrendsSection';

const PERIODS = [4, 12, 52] as const;

/** Returns, trends, service levels, agents and early warnings over a period and a store. */
export function DashboardsPage() {
  const { t } = useTranslation('admin');
  return (
    <GuardedPage title={t('dash.title')} permission="measures:read">
      <Dashboards />
    </GuardedPage>
  );
}

function Dashboards() {
  const { t } = useTranslation('admin');
  const f = useFormats();
  const [filters, setFilters] = useState<DashboardFilters>({ weeks: 12, store: null });
  const [tab, setTab] = useState<string | null>('returns');
  // The stores that had any sales or cases in the last year: the API lists no stores.
  const stores = useMeasures({ weeks: 52, store: null }, ['orders', 'cases'], 'store');
  const storeCodes = (stores.data?.rows ?? [])
    .map((r) => r.key.store ?? '')
    .filter(Boolean)
    .sort();
  const period = periodOf(filters.weeks);
  const lastDay = new Date(`${period.to}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="lg">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="period-label">
            {t('dash.period')}
          </Text>
          <SegmentedControl
            aria-labelledby="period-label"
            value={String(filters.weeks)}
            onChange={(v) => setFilters({ ...filters, weeks: Number(v) })}
            data={PERIODS.map((w) => ({ value: String(w), label: t('dash.lastWeeks', { count: w }) }))}
          />
        </Stack>
        <Select
          label={t('dash.store')}
          data={[
            { value: '', label: t('dash.allStores') },
            ...storeCodes.map((s) => ({ value: s, label: s.toUpperCase() })),
          ]}
          value={filters.store ?? ''}
          onChange={(v) => setFilters({ ...filters, store: v || null })}
          allowDeselect={false}
          w={200}
        />
        <Text size="sm" pb={6}>
          {t('dash.periodRange', { from: f.day(period.from), to: f.day(lastDay.toISOString().slice(0, 10)) })}
        </Text>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="returns">{t('dash.tabs.returns')}</Tabs.Tab>
          <Tabs.Tab value="trends">{t('dash.tabs.trends')}</Tabs.Tab>
          <Tabs.Tab value="service">{t('dash.tabs.service')}</Tabs.Tab>
          <Tabs.Tab value="agents">{t('dash.tabs.agents')}</Tabs.Tab>
          <Tabs.Tab value="alerts">{t('dash.tabs.alerts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="returns" pt="md">
          <ReturnsSection filters={filters} />
        </Tabs.Panel>
        <Tabs.Panel value="trends" pt="md">
          <TrendsSection filters={filters} />
        </Tabs.Panel>
        <Tabs.Panel value="service" pt="md">
          <ServiceSection filters={filters} />
        </Tabs.Panel>
        <Tabs.Panel value="agents" pt="md">
          <AgentKpisSection filters={filters} />
        </Tabs.Panel>
        <Tabs.Panel value="alerts" pt="md">
          <AlertsSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
