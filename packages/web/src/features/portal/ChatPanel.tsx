import { Button, Card, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { Notice } from './Notice';
import type { LiveChat } from './use-case-live';

/** The conversation with the service team (customers never see internal notes) and a composer. */
export function ChatPanel({ chat }: { chat: LiveChat }) {
  const { t, i18n } = useTranslation('portal');
  const [draft, setDraft] = useState('');
  const [empty, setEmpty] = useState(false);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="chat-title" data-testid="chat">
      <Stack gap="sm">
        <Title order={2} size="h3" id="chat-title">
          {t('chat.title')}
        </Title>
        <Stack
          gap="xs"
          role="log"
          aria-live="polite"
          aria-label={t('chat.conversation')}
          mah={420}
          style={{ overflowY: 'auto' }}
          // A scrolling region must take the focus, so keyboard users can scroll it.
          tabIndex={0}
          data-testid="chat-messages"
        >
          {chat.messages.length === 0 && <Text size="sm">{t('chat.empty')}</Text>}
          {chat.messages.map((m) => {
            const mine = m.direction === 'inbound';
            return (
              <Paper
                key={m.seq}
                p="xs"
                radius="md"
                bg={mine ? 'blue.0' : 'gray.0'}
                ml={mine ? 'xl' : 0}
                mr={mine ? 0 : 'xl'}
                data-testid="chat-message"
                data-seq={m.seq}
              >
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="xs" fw={700}>
                    {mine ? t('chat.you') : (m.authorName ?? t('chat.service'))}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(m.createdAt, i18n.language)}
                  </Text>
                </Group>
                {m.subject && (
                  <Text size="sm" fw={600}>
                    {m.subject}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.body}
                </Text>
              </Paper>
            );
          })}
        </Stack>
        {chat.sendError && (
          <Notice color="red" role="alert">
            {t('chat.sendFailed')} {chat.sendError}
          </Notice>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const body = draft.trim();
            setEmpty(!body);
            if (body && chat.send(body)) setDraft('');
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('chat.inputLabel')}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={20_000}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
              error={empty ? t('chat.emptyError') : undefined}
              data-testid="chat-input"
            />
            <Group justify="space-between">
              <Text size="xs" c="dimmed" aria-live="polite">
                {chat.pending > 0 ? t('chat.sending') : ''}
              </Text>
              <Button type="submit" data-testid="chat-send">
                {t('chat.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
