import { Alert, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/api';
import { formatDate } from '../../ui/format';
import type { MessageView } from './case-api';
import { useConversation } from './use-conversation';

const STYLE: Record<string, { bg: string; border: string; align: 'flex-start' | 'flex-end' }> = {
  inbound: { bg: 'white', border: 'var(--mantine-color-gray-5)', align: 'flex-start' },
  outbound: { bg: 'var(--mantine-color-blue-0)', border: 'var(--mantine-color-blue-6)', align: 'flex-end' },
  note: { bg: 'var(--mantine-color-yellow-0)', border: 'var(--mantine-color-yellow-8)', align: 'flex-end' },
};

function sentimentWord(value: number): 'negative' | 'neutral' | 'positive' {
  if (value <= -0.25) return 'negative';
  return value >= 0.25 ? 'positive' : 'neutral';
}

function Message({ message }: { message: MessageView }) {
  const { t, i18n } = useTranslation('console');
  const style = STYLE[message.direction] ?? STYLE.inbound;
  const author =
    message.authorName ??
    (message.automated
      ? t('conversation.automated')
      : t(`conversation.author.${message.authorType}`, { defaultValue: message.authorType }));
  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      maw="88%"
      data-testid="message"
      data-direction={message.direction}
      style={{
        alignSelf: style?.align,
        background: style?.bg,
        borderColor: style?.border,
        borderLeftWidth: 4,
      }}
      aria-label={t(`conversation.direction.${message.direction}`, { defaultValue: message.direction })}
    >
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Group gap={6}>
          <Text fw={600} size="sm">
            {author}
          </Text>
          {message.direction === 'note' ? (
            <Badge color="yellow.9" variant="filled" size="sm">
              {t('conversation.internal')}
            </Badge>
          ) : (
            <Badge color="gray.8" variant="outline" size="sm">
              {t(`conversation.direction.${message.direction}`, { defaultValue: message.direction })} ·{' '}
              {t(`channel.${message.channel}`, { defaultValue: message.channel })}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
          {formatDate(message.createdAt, i18n.language)}
        </Text>
      </Group>
      {message.subject && (
        <Text size="sm" fw={600}>
          {message.subject}
        </Text>
      )}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Text>
      {message.triage && (
        <Group gap={6} mt={6} data-testid="triage">
          <Badge size="sm" variant="light" color="grape.9">
            {t('conversation.intent', {
              intent: message.triage.intent,
              confidence: Math.round(message.triage.intentConfidence * 100),
            })}
          </Badge>
          <Badge size="sm" variant="light" color={message.triage.sentiment <= -0.25 ? 'red.9' : 'teal.9'}>
            {t('conversation.sentiment', {
              sentiment: t(`conversation.mood.${sentimentWord(message.triage.sentiment)}`),
              value: message.triage.sentiment.toFixed(2),
            })}
          </Badge>
          {message.triage.emotions.map((e) => (
            <Badge key={e} size="sm" variant="outline" color="gray.8">
              {t(`conversation.emotion.${e}`, { defaultValue: e })}
            </Badge>
          ))}
        </Group>
      )}
      {message.deliveryState === 'failed' && (
        <Text size="xs" c="red.9" mt={4}>
          {t('conversation.failed')}
        </Text>
      )}
    </Paper>
  );
}

/** The case's messages, oldest first; new ones are announced to screen readers. */
export function Conversation({ caseId }: { caseId: string }) {
  const { t } = useTranslation('console');
  const messages = useConversation(caseId);
  if (messages.isPending) return <Loader aria-label={t('common:loading')} />;
  if (messages.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(messages.error)}
      </Alert>
    );
  return (
    <Stack
      gap="xs"
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      aria-label={t('conversation.title')}
      data-testid="conversation"
    >
      {messages.data.length === 0 && <Text>{t('conversation.empty')}</Text>}
      {messages.data.map((m) => (
        <Message key={m.id} message={m} />
      ))}
    </Stack>
  );
}
