import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../ui/format';
import type { CaseView } from './portal-api';

// The events a customer cares about; assignments, notes and clocks stay with the team.
const SHOWN = new Set([
  'case.submitted',
  'case.opened',
  'case.review_started',
  'case.info_requested',
  'case.info_provided',
  'case.approved',
  'case.rejected',
  'case.label_issued',
  'case.shipped',
  'case.received',
  'case.inspection_passed',
  'case.inspection_failed',
  'case.settled',
  'case.refused',
  'case.refunded',
  'case.replacement_shipped',
  'case.repaired',
  'case.solved',
  'case.reopened',
  'case.closed',
  'case.cancelled',
]);

/** What happened so far, newest last, and the refunds with where their payment stands. */
export function CaseTimeline({ found }: { found: CaseView }) {
  const { t, i18n } = useTranslation('portal');
  const events = found.timeline.filter((e) => SHOWN.has(e.type));
  return (
    <Stack gap="md">
      {found.refunds.length > 0 && (
        <section aria-labelledby="refunds-title">
          <Title order={2} size="h3" id="refunds-title" mb="xs">
            {t('case.refunds')}
          </Title>
          <List listStyleType="none" spacing={4} data-testid="refunds">
            {found.refunds.map((r) => (
              <List.Item key={r.id}>
                <Text span fw={700}>
                  {formatMoney(r.amountMinor, r.currency, i18n.language)}
                </Text>{' '}
                <Text span>
                  {t(`refundStatus.${r.status}`, { defaultValue: r.status })} ·{' '}
                  {formatDate(r.createdAt, i18n.language, { dateOnly: true })}
                </Text>
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {events.length > 0 && (
        <section aria-labelledby="timeline-title">
          <Title order={2} size="h3" id="timeline-title" mb="xs">
            {t('case.timeline')}
          </Title>
          <List spacing={6} size="sm" data-testid="timeline">
            {events.map((e) => (
              <List.Item key={e.id}>
                <Text span size="sm" c="dimmed">
                  {formatDate(e.at, i18n.language)}
                </Text>{' '}
                <Text span size="sm">
                  {t(`event.${e.type.slice('case.'.length)}`)}
                  {e.type === 'case.rejected' && e.reason ? `: ${e.reason}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}
