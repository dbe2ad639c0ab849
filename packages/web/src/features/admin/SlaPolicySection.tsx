import { Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { ErrorAlert, FieldErrors, Loading } from './admin-ui';
import { JsonField } from './JsonField';

type Target = { minutes: number; clock?: 'business' | 'calendar' } | { businessDays: number };
interface SlaRule {
  name?: string;
  when?: { kinds?: string[]; categories?: string[]; priorities?: string[] };
  targets?: Partial<Record<Metric, Target>>;
}
interface SlaPolicy {
  warnShare?: number;
  rules?: SlaRule[];
  escalation?: { warning?: string[]; breach?: string[] };
  [field: string]: unknown;
}
const METRICS = ['first_response', 'next_response', 'resolution'] as const;
type Metric = (typeof METRICS)[number];
const slaKey = ['settings', 'sla-policy'] as const;

/** The SLA policy: a table of its rules as they read, and the document to edit beside it. */
export function SlaPolicySection() {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const stored = useQuery({
    queryKey: slaKey,
    queryFn: () => api<{ policy: SlaPolicy; isDefault: boolean }>('GET', '/settings/sla-policy'),
  });
  const [draft, setDraft] = useState<SlaPolicy | null>(null);
  const [valid, setValid] = useState(true);
  useEffect(() => {
    if (stored.data && draft === null) setDraft(stored.data.policy);
  }, [stored.data, draft]);
  const save = useMutation({
    mutationFn: (policy: SlaPolicy) =>
      api<{ policy: SlaPolicy }>('PUT', '/settings/sla-policy', { body: { policy } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(slaKey, { policy: saved.policy, isDefault: false });
      setDraft(saved.policy);
      notifications.show({ color: 'green', message: t('sla.saved') });
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sla-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} id="sla-title">
            {t('sla.title')}
          </Title>
          {stored.data?.isDefault && <Badge variant="light">{t('sla.isDefault')}</Badge>}
        </Group>
        <Text size="sm">{t('sla.help')}</Text>
        {stored.isPending ? (
          <Loading />
        ) : stored.isError ? (
          <ErrorAlert error={stored.error} onRetry={() => stored.refetch()} />
        ) : draft ? (
          <>
            <NumberInput
              label={t('sla.warnShare')}
              description={t('sla.warnShareHelp')}
              min={0}
              max={100}
              suffix=" %"
              w={260}
              value={draft.warnShare === undefined ? '' : Math.round(draft.warnShare * 100)}
              onChange={(v) => setDraft({ ...draft, warnShare: Number(v) / 100 })}
            />
            <SlaRulesTable rules={draft.rules ?? []} />
            <JsonField
              label={t('sla.json')}
              description={t('sla.jsonHelp')}
              value={draft}
              onChange={(v) => {
                setDraft(v as SlaPolicy);
                save.reset();
              }}
              onValidity={setValid}
              minRows={12}
            />
            {save.isError && <FieldErrors error={save.error} />}
            <Group>
              <Button disabled={!valid} loading={save.isPending} onClick={() => save.mutate(draft)}>
                {t('sla.save')}
              </Button>
              <Button variant="subtle" onClick={() => setDraft(stored.data.policy)}>
                {t('policy.discard')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function SlaRulesTable({ rules }: { rules: SlaRule[] }) {
  const { t } = useTranslation('admin');
  const target = (value: Target | undefined) => {
    if (!value) return '—';
    if ('businessDays' in value) return t('sla.businessDays', { count: value.businessDays });
    const text = formatMinutes(value.minutes, t);
    return value.clock === 'calendar'
      ? t('sla.calendarTime', { time: text })
      : t('sla.businessTime', { time: text });
  };
  const when = (rule: SlaRule) => {
    const parts = [
      ...(rule.when?.kinds ?? []).map((k) => t(`kinds.${k}`, { defaultValue: k })),
      ...(rule.when?.categories ?? []).map((c) => t('sla.category', { category: c })),
      ...(rule.when?.priorities ?? []).map((p) => t('sla.priority', { priority: p })),
    ];
    return parts.length ? parts.join(', ') : t('sla.anyCase');
  };
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder>
        <Table.Caption>{t('sla.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sla.rule')}</Table.Th>
            <Table.Th scope="col">{t('sla.when')}</Table.Th>
            {METRICS.map((m) => (
              <Table.Th scope="col" key={m}>
                {t(`sla.metric.${m}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are ordered and may share names
            <Table.Tr key={index}>
              <Table.Th scope="row" fw={500}>
                {rule.name ?? '—'}
              </Table.Th>
              <Table.Td>{when(rule)}</Table.Td>
              {METRICS.map((m) => (
                <Table.Td key={m}>{target(rule.targets?.[m])}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function formatMinutes(
  minutes: number,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (minutes % 60 === 0) return t('sla.hours', { count: minutes / 60 });
  return t('sla.minutes', { count: minutes });
}
