import type { AlertView } from '@afterdesk/contract';
import {
  Badge,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { formatDate } from '../../ui/format';
import { ErrorAlert, Loading } from '../admin';
import { CasesDrillDown, drillDownFilters } from './CasesDrillDown';
import { useFormats } from './dashboard-data';

type Status = 'open' | 'acknowledged' | 'all';

/** Early warnings: return-rate spikes and complaint clusters, to acknowledge and look into. */
export function AlertsSection() {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('open');
  const [drill, setDrill] = useState<AlertView | null>(null);
  const alerts = useQuery({
    queryKey: ['analytics', 'alerts', status],
    queryFn: () =>
      api<{ items: AlertView[]; nextCursor: string | null }>('GET', '/analytics/alerts', {
        query: { status: status === 'all' ? undefined : status, limit: 50 },
      }),
  });
  const acknowledge = useMutation({
    mutationFn: (id: string) => api<AlertView>('POST', `/analytics/alerts/${id}/acknowledge`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['analytics', 'alerts'] }),
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="alerts-title">
      <Group justify="space-between">
        <Title order={2} id="alerts-title">
          {t('alerts.title')}
        </Title>
        <SegmentedControl
          aria-label={t('alerts.status')}
          value={status}
          onChange={(v) => setStatus(v as Status)}
          data={[
            { value: 'open', label: t('alerts.statusOpen') },
            { value: 'acknowledged', label: t('alerts.statusAcknowledged') },
            { value: 'all', label: t('alerts.statusAll') },
          ]}
        />
      </Group>
      <Text size="sm">{t('alerts.help')}</Text>
      {acknowledge.isError && <ErrorAlert error={acknowledge.error} />}
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <ErrorAlert error={alerts.error} onRetry={() => alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <Text fw={500}>{t('alerts.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {alerts.data.items.map((alert) => (
            <AlertCard
              key={alert.id}
              alert={alert}
              acknowledging={acknowledge.isPending && acknowledge.variables === alert.id}
              onAcknowledge={() => acknowledge.mutate(alert.id)}
              onDrill={() => setDrill(alert)}
              drilling={drill?.id === alert.id}
            />
          ))}
        </SimpleGrid>
      )}
      {drill && (
        <CasesDrillDown
          title={t('alerts.casesOf', { subject: drill.subject })}
          filters={drillDownFilters(drill)}
          onClose={() => setDrill(null)}
        />
      )}
    </Stack>
  );
}

function AlertCard({
  alert,
  acknowledging,
  drilling,
  onAcknowledge,
  onDrill,
}: {
  alert: AlertView;
  acknowledging: boolean;
  drilling: boolean;
  onAcknowledge: () => void;
  onDrill: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const f = useFormats();
  const headingId = `alert-${alert.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={headingId}>
            {t(`alerts.subject.${alert.subjectType}`)} {alert.subject}
          </Title>
          <Group gap={4}>
            <Badge color={alert.kind === 'spike' ? 'orange' : 'grape'} variant="light" c="dark">
              {t(`alerts.kind.${alert.kind}`)}
            </Badge>
            {alert.plan && (
              <Badge color="red" variant="light" c="red.9">
                {t(`alerts.plan.${alert.plan}`)}
              </Badge>
            )}
            <Badge color={alert.status === 'open' ? 'blue' : 'gray'} variant="outline" c="dark">
              {t(`alerts.state.${alert.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {t('alerts.week', {
            week: formatDate(`${alert.week}T12:00:00Z`, i18n.language, { dateOnly: true, timeZone: 'UTC' }),
          })}
        </Text>
        <Text size="sm">
          {t('alerts.figures', {
            rate: f.percent(alert.rate),
            baseline: f.percent(alert.baselineRate),
            ratio: f.number(alert.ratio, 1),
            events: f.number(alert.events),
            units: f.number(alert.units),
          })}
        </Text>
        {alert.topReasons.length > 0 && (
          <Text size="sm">
            {t('alerts.topReasons')}{' '}
            {alert.topReasons
              .map(
                (r) =>
                  `${t(`reasons.${r.reason}`, { defaultValue: r.reason || t('dash.noReason') })} (${f.number(r.count)})`,
              )
              .join(', ')}
          </Text>
        )}
        {alert.comments.length > 0 && (
          <List size="sm" spacing={2}>
            {alert.comments.slice(0, 3).map((c) => (
              <List.Item key={`${c.at}-${c.text.slice(0, 20)}`}>“{c.text}”</List.Item>
            ))}
          </List>
        )}
        <Group gap="xs">
          <Button size="xs" variant={drilling ? 'filled' : 'default'} onClick={onDrill}>
            {t('alerts.showCases')}
          </Button>
          {alert.status === 'open' && (
            <Button size="xs" variant="default" loading={acknowledging} onClick={onAcknowledge}>
              {t('alerts.acknowledge')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
