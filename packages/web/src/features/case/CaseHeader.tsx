import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { type CaseView, useAgents } from './case-api';
import { SlaCountdown } from './SlaCountdown';

const STATUS_COLOR: Record<string, string> = {
  rejected: 'red.8',
  cancelled: 'gray.8',
  closed: 'gray.8',
  refunded: 'green.9',
  solved: 'green.9',
  inspection_failed: 'red.8',
};

/** Who, what and how urgent: the case at a glance, with its service-level clocks. */
export function CaseHeader({ caseView, meId }: { caseView: CaseView; meId: string | null | undefined }) {
  const { t, i18n } = useTranslation('console');
  const agents = useAgents().data;
  const assignee =
    caseView.assigneeId === null
      ? t('inbox.unassigned')
      : caseView.assigneeId === meId
        ? t('inbox.assignedToMe')
        : (agents?.get(caseView.assigneeId)?.name ?? t('inbox.assigned'));
  const owed = caseView.clocks.filter(
    (c) => c.state === 'active' || c.state === 'missed' || c.state === 'paused',
  );
  return (
    <Stack gap={6}>
      <Title order={1}>
        {t('case.title', { number: caseView.number })}
        {caseView.subject ? ` · ${caseView.subject}` : ''}
      </Title>
      <Group gap={6} wrap="wrap">
        <Badge
          size="lg"
          color={STATUS_COLOR[caseView.status] ?? 'blue.8'}
          data-testid="case-status"
          data-status={caseView.status}
        >
          {t(`status.${caseView.status}`, { defaultValue: caseView.status })}
        </Badge>
        <Badge variant="outline" color="dark">
          {t(`kind.${caseView.kind}`, { defaultValue: caseView.kind })}
        </Badge>
        <Badge
          variant="outline"
          color={caseView.priority === 'urgent' || caseView.priority === 'high' ? 'red.8' : 'gray.8'}
        >
          {t('case.priority', {
            priority: t(`priority.${caseView.priority}`, { defaultValue: caseView.priority }),
          })}
        </Badge>
        <Badge variant="outline" color="gray.8">
          {t(`channel.${caseView.channel}`, { defaultValue: caseView.channel })}
        </Badge>
        <Badge variant="outline" color="gray.8">
          {t('case.language', { language: caseView.language })}
        </Badge>
        {caseView.returnCode && (
          <Badge variant="outline" color="gray.8">
            {caseView.returnCode}
          </Badge>
        )}
      </Group>
      <Group gap="md" wrap="wrap">
        <Text size="sm" data-testid="case-assignee">
          {t('case.assignee', { name: assignee })}
        </Text>
        <Text size="sm">{t('case.opened', { date: formatDate(caseView.createdAt, i18n.language) })}</Text>
        {caseView.rating && (
          <Text size="sm" data-testid="case-rating">
            {t('case.rating', { score: caseView.rating.score })}
            {caseView.rating.comment ? ` — “${caseView.rating.comment}”` : ''}
          </Text>
        )}
        {owed.map((clock) => (
          <Group key={`${clock.metric}-${clock.cycle}`} gap={4} data-testid="sla-clock">
            <Text size="sm">{t(`sla.metric.${clock.metric}`, { defaultValue: clock.metric })}:</Text>
            {clock.state === 'paused' ? (
              <Badge color="gray.8" variant="outline" style={{ textTransform: 'none' }}>
                {t('sla.paused')}
              </Badge>
            ) : (
              <SlaCountdown
                dueAt={clock.dueAt}
                label={t(`sla.metric.${clock.metric}`, { defaultValue: clock.metric })}
              />
            )}
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
