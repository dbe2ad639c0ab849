import { Badge, Checkbox, Group, Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../ui/format';
import { type CaseSummary, SlaCountdown } from '../case';

const PRIORITY_COLOR: Record<string, string> = {
  urgent: 'red.8',
  high: 'orange.9',
  normal: 'blue.8',
  low: 'gray.7',
};

/** One case of the inbox: a selection box and a link to the case carrying what decides its turn. */
export function CaseRow({
  item,
  selected,
  focused,
  assignee,
  now,
  onToggle,
  onFocus,
  linkRef,
}: {
  item: CaseSummary;
  selected: boolean;
  focused: boolean;
  assignee: string;
  now: number;
  onToggle: () => void;
  onFocus: () => void;
  linkRef: Ref<HTMLAnchorElement>;
}) {
  const { t, i18n } = useTranslation('console');
  const title = item.subject ?? t(`kind.${item.kind}`, { defaultValue: item.kind });
  return (
    <Paper
      withBorder
      p="xs"
      bg={focused ? 'blue.0' : selected ? 'gray.0' : undefined}
      style={{ borderColor: focused ? 'var(--mantine-color-blue-7)' : undefined }}
    >
      <Group wrap="nowrap" gap="sm" align="center">
        <Checkbox
          checked={selected}
          onChange={onToggle}
          aria-label={t('inbox.selectCase', { number: item.number })}
          data-testid="case-select"
        />
        <Link
          to="/cases/$caseId"
          params={{ caseId: item.id }}
          data-testid="case-row"
          data-case-number={item.number}
          data-case-id={item.id}
          ref={linkRef}
          onFocus={onFocus}
          style={{ flex: 1, color: 'inherit', textDecoration: 'none', minWidth: 0 }}
        >
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Text fw={700}>#{item.number}</Text>
              <Text truncate="end">{title}</Text>
            </Group>
            <Group gap={6} wrap="wrap">
              <Badge variant="light" color="dark">
                {t(`status.${item.status}`, { defaultValue: item.status })}
              </Badge>
              <Badge variant="outline" color="gray.8">
                {t(`channel.${item.channel}`, { defaultValue: item.channel })}
              </Badge>
              {item.priority !== 'normal' && (
                <Badge color={PRIORITY_COLOR[item.priority] ?? 'gray.7'}>
                  {t(`priority.${item.priority}`, { defaultValue: item.priority })}
                </Badge>
              )}
              <SlaCountdown dueAt={item.slaDueAt} />
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {[
              item.subject ? t(`kind.${item.kind}`, { defaultValue: item.kind }) : null,
              item.returnCode,
              item.intent ? t('inbox.intent', { intent: item.intent }) : null,
              assignee,
              t('inbox.created', { when: formatRelative(item.createdAt, now, i18n.language) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Link>
      </Group>
    </Paper>
  );
}
