import type { AlertView, CasesBehindView } from '@afterdesk/contract';
import { Anchor, Button, CloseButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { formatDate } from '../../ui/format';
import { ErrorAlert, Loading } from '../admin';

/** The period and filters of an alert's cases: its subject, in the week it was raised for. */
export function drillDownFilters(
  alert: Pick<AlertView, 'subjectType' | 'subject' | 'week'>,
): Record<string, string> {
  const start = new Date(`${alert.week}T00:00:00Z`);
  const end = new Date(start.getTime() + 7 * 86_400_000);
  return { from: alert.week, to: end.toISOString().slice(0, 10), [alert.subjectType]: alert.subject };
}

/** The cases behind a figure (`GET /analytics/cases`), newest first, a page at a time. */
export function CasesDrillDown({
  title,
  filters,
  onClose,
}: {
  title: string;
  filters: Record<string, string>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const cases = useInfiniteQuery({
    queryKey: ['analytics', 'cases', filters],
    queryFn: ({ pageParam }) =>
      api<CasesBehindView>('GET', '/analytics/cases', {
        query: { ...filters, limit: 50, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="drill-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id="drill-title">
            {title}
          </Title>
          <CloseButton aria-label={t('common:close')} onClick={onClose} />
        </Group>
        {cases.isPending ? (
          <Loading />
        ) : cases.isError ? (
          <ErrorAlert error={cases.error} onRetry={() => cases.refetch()} />
        ) : items.length === 0 ? (
          <Text>{t('alerts.noCases')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('alerts.case')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.kindCol')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.statusCol')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.store')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.created')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.items')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor href={`/console/cases/${c.id}`}>#{c.number}</Anchor>
                    </Table.Td>
                    <Table.Td>{t(`kinds.${c.kind}`, { defaultValue: c.kind })}</Table.Td>
                    <Table.Td>{t(`statuses.${c.status}`, { defaultValue: c.status })}</Table.Td>
                    <Table.Td>
                      {c.store}
                      {c.country ? ` · ${c.country}` : ''}
                    </Table.Td>
                    <Table.Td>{formatDate(c.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      {c.items
                        .map(
                          (item) =>
                            `${item.quantity} × ${item.sku}${item.reason ? ` (${t(`reasons.${item.reason}`, { defaultValue: item.reason })})` : ''}`,
                        )
                        .join(', ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {cases.hasNextPage && (
          <Group>
            <Button
              variant="default"
              loading={cases.isFetchingNextPage}
              onClick={() => cases.fetchNextPage()}
            >
              {t('alerts.more')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
