import { Timeline as MantineTimeline, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import type { CaseView } from './case-api';

/** What happened to the case, newest first. */
export function CaseTimeline({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation('console');
  const entries = [...caseView.timeline].reverse();
  return (
    <section aria-labelledby="case-timeline">
      <Title order={2} size="h4" id="case-timeline" mb="xs">
        {t('timeline.title')}
      </Title>
      <MantineTimeline bulletSize={12} lineWidth={2} data-testid="timeline">
        {entries.map((e) => (
          <MantineTimeline.Item key={e.id} title={t(`event.${e.type}`, { defaultValue: e.type })}>
            <Text size="xs">
              {formatDate(e.at, i18n.language)} · {t(`actor.${e.actorType}`, { defaultValue: e.actorType })}
            </Text>
            {e.reason && <Text size="sm">{e.reason}</Text>}
          </MantineTimeline.Item>
        ))}
      </MantineTimeline>
    </section>
  );
}
