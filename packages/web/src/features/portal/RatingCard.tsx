import { Card, Rating, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../ui/api';
import { useCustomerSession } from './customer-session';
import { type CaseView, caseKey } from './portal-api';
import { ScoreForm } from './ScoreForm';

/** Once the case is over: how was the service? Rated once; then a thank-you. */
export function RatingCard({ found }: { found: CaseView }) {
  const { t } = useTranslation('portal');
  const token = useCustomerSession()?.token;
  const queryClient = useQueryClient();
  const rate = useMutation({
    mutationFn: (answer: { score: number; comment?: string }) =>
      api('POST', `/cases/${found.id}/rating`, { token, body: answer }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(found.id) }),
  });
  const given = found.rating ?? (rate.isSuccess && rate.variables ? rate.variables : null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="rating-title" data-testid="rating">
      <Stack gap="sm">
        <Title order={2} size="h3" id="rating-title">
          {t('rating.title')}
        </Title>
        {given ? (
          <div role="status">
            <Text fw={600} data-testid="rating-thanks">
              {t('rating.thanks')}
            </Text>
            <Rating
              value={given.score}
              readOnly
              color="orange.7"
              role="img"
              aria-label={t('rating.stars', { count: given.score })}
            />
            {given.comment && <Text size="sm">{given.comment}</Text>}
          </div>
        ) : (
          <ScoreForm
            testId="rating"
            pending={rate.isPending}
            error={rate.isError ? errorMessage(rate.error) : null}
            onSubmit={(answer) => {
              if (!rate.isPending) rate.mutate(answer);
            }}
          />
        )}
      </Stack>
    </Card>
  );
}
