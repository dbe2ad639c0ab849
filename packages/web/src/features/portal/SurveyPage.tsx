import { Card, Loader, Rating, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../ui/api';
import { Notice } from './Notice';
import { ScoreForm } from './ScoreForm';

interface Survey {
  caseNumber: number;
  language: string;
  answered: boolean;
  score: number | null;
  comment: string | null;
}

/** `/survey/$token`: the satisfaction survey linked from the mail sent when a case was solved; no login. */
export function SurveyPage() {
  const { t } = useTranslation('portal');
  const { token } = useParams({ strict: false }) as { token: string };
  const queryClient = useQueryClient();
  const key = ['portal', 'survey', token];
  const survey = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<Survey>('GET', `/surveys/${encodeURIComponent(token)}`, { signal }),
  });
  const answer = useMutation({
    mutationFn: (body: { score: number; comment?: string }) =>
      api<Survey>('POST', `/surveys/${encodeURIComponent(token)}`, { body }),
    onSuccess: (answered) => queryClient.setQueryData(key, answered),
  });
  return (
    <Stack gap="md" pt="md">
      <Title order={1} size="h2">
        {t('survey.title')}
      </Title>
      {survey.isPending && <Loader aria-label={t('loading')} />}
      {survey.isError && (
        <Notice color="red" role="alert" title={t('survey.notFoundTitle')}>
          {t('survey.notFound')}
        </Notice>
      )}
      {survey.data && (
        <Card withBorder padding="md" data-testid="survey">
          {survey.data.answered ? (
            <Stack gap="xs" role="status">
              <Text fw={600} data-testid="survey-thanks">
                {t('rating.thanks')}
              </Text>
              {survey.data.score && (
                <Rating
                  value={survey.data.score}
                  readOnly
                  color="orange.7"
                  role="img"
                  aria-label={t('rating.stars', { count: survey.data.score })}
                />
              )}
              {survey.data.comment && <Text size="sm">{survey.data.comment}</Text>}
            </Stack>
          ) : (
            <Stack gap="sm">
              <Text>{t('survey.intro', { number: survey.data.caseNumber })}</Text>
              <ScoreForm
                testId="survey"
                pending={answer.isPending}
                error={answer.isError ? errorMessage(answer.error) : null}
                onSubmit={(body) => answer.mutate(body)}
              />
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
