import { Button, Chip, Group, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';

interface Props {
  onSubmit: (answer: { score: number; comment?: string }) => void;
  pending: boolean;
  error: string | null;
  /** Prefix of the data-testids of the controls ("rating", "survey"). */
  testId: string;
}

/** 1 to 5 stars (five native radio buttons, so arrow keys choose as in any radio group) and an optional comment: the portal's rating and the mailed survey. */
export function ScoreForm({ onSubmit, pending, error, testId }: Props) {
  const { t } = useTranslation('portal');
  const id = useId();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMissing(score === 0);
        if (score > 0) onSubmit({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
    >
      <Stack gap="sm">
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} aria-describedby={`${id}-value`}>
          <Text component="legend" fw={500} mb={6}>
            {t('rating.question')}
          </Text>
          <Chip.Group
            value={score > 0 ? String(score) : null}
            onChange={(value) => {
              setScore(Number(value));
              setMissing(false);
            }}
          >
            <Group gap={6} data-testid={`${testId}-stars`}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Chip key={n} value={String(n)} name={`${id}-score`} size="sm" color="orange.9" icon={null}>
                  {n}
                  <span aria-hidden> ★</span>
                  <VisuallyHidden>{t('rating.ofFive')}</VisuallyHidden>
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Text size="sm" mt={4} id={`${id}-value`} aria-live="polite">
            {score > 0 ? t(`rating.meaning.${score}`) : ''}
          </Text>
          {missing && (
            <Text c="red.8" size="sm" role="alert">
              {t('rating.scoreMissing')}
            </Text>
          )}
        </fieldset>
        <Textarea
          label={t('rating.comment')}
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          data-testid={`${testId}-comment`}
        />
        {error && (
          <Notice color="red" role="alert">
            {error}
          </Notice>
        )}
        <Button type="submit" loading={pending} data-testid={`${testId}-submit`}>
          {t('rating.submit')}
        </Button>
      </Stack>
    </form>
  );
}
