import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../ui/api';
import { useCustomerSession } from './customer-session';
import { Notice } from './Notice';
import { type CaseView, caseKey } from './portal-api';

/** The shop asked for more: show the question, and send the answer (a message, then provide-info). */
export function InfoRequestForm({ found, question }: { found: CaseView; question: string }) {
  const { t } = useTranslation('portal');
  const token = useCustomerSession()?.token;
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [empty, setEmpty] = useState(false);
  const [clientMessageId] = useState(() => `portal-info-${crypto.randomUUID()}`);
  const provide = useMutation({
    mutationFn: async () => {
      await api('POST', `/cases/${found.id}/messages`, {
        token,
        body: { body: answer.trim(), clientMessageId },
      });
      await api('POST', `/cases/${found.id}/actions/provide-info`, {
        token,
        body: { version: found.version },
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKey(found.id) }),
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="info-title" data-testid="info-request">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setEmpty(!answer.trim());
          if (answer.trim()) provide.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="info-title">
            {t('info.title')}
          </Title>
          <Text>{t('info.intro')}</Text>
          {question && (
            <Text
              component="blockquote"
              m={0}
              pl="sm"
              style={{ borderLeft: '3px solid var(--mantine-color-blue-8)' }}
              data-testid="info-question"
            >
              {question}
            </Text>
          )}
          {provide.isError && (
            <Notice color="red" role="alert">
              {errorMessage(provide.error)}
            </Notice>
          )}
          <Textarea
            label={t('info.answer')}
            required
            autosize
            minRows={3}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={empty ? t('info.answerMissing') : undefined}
            data-testid="info-answer"
          />
          <Button type="submit" loading={provide.isPending} data-testid="info-submit">
            {t('info.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
