import { Group, List, Loader, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../ui/format';
import { formatDeadline } from './deadline';
import { Notice } from './Notice';
import type { Decision } from './portal-api';

const OUTCOME_COLOR = { approve: 'green', review: 'blue', reject: 'red' } as const;

interface Props {
  decision: Decision | null;
  loading: boolean;
  error: string | null;
  /** No complete selection yet: say what to do to get an answer. */
  waiting: boolean;
}

/** The policy's answer to the draft return, before the customer files it. */
export function EligibilityPanel({ decision, loading, error, waiting }: Props) {
  const { t, i18n } = useTranslation('portal');
  const money = (minor: number) => formatMoney(minor, decision?.currency ?? 'EUR', i18n.language);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="eligibility-title"
      aria-busy={loading}
      data-testid="eligibility"
      data-outcome={!waiting && decision && !loading ? decision.outcome : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4" id="eligibility-title">
            {t('eligibility.title')}
          </Title>
          {loading && <Loader size="xs" aria-hidden />}
        </Group>
        <div role="status" aria-live="polite">
          {waiting && <Text>{t('eligibility.waiting')}</Text>}
          {!waiting && loading && !decision && <Text>{t('eligibility.checking')}</Text>}
          {!waiting && decision && (
            <Notice
              color={OUTCOME_COLOR[decision.outcome]}
              variant="light"
              title={t(`eligibility.outcome.${decision.outcome}`)}
              data-testid="eligibility-outcome"
            >
              {decision.returnless
                ? t('eligibility.returnless')
                : t(`eligibility.outcomeHint.${decision.outcome}`)}
            </Notice>
          )}
        </div>
        {error && (
          <Notice color="red" role="alert">
            {error}
          </Notice>
        )}
        {!waiting && decision && (
          <>
            {decision.reasons.length > 0 && (
              <List size="sm" spacing={4} data-testid="eligibility-reasons">
                {decision.reasons.map((r) => (
                  <List.Item key={`${r.code}:${r.message}`}>{r.message}</List.Item>
                ))}
              </List>
            )}
            {decision.compensation.map((c) => (
              <Text size="sm" key={`${c.reasonCode}:${c.rule}`}>
                {c.message}
              </Text>
            ))}
            <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: '1fr auto', gap: '4px 12px' }}>
              {decision.fees.map((fee) => (
                <Row
                  key={fee.code}
                  term={t(`fee.${fee.code}`, { defaultValue: fee.code })}
                  value={money(fee.amountMinor)}
                  hint={
                    fee.deductedFromRefund
                      ? t('eligibility.feeDeducted')
                      : fee.payer === 'customer'
                        ? t('eligibility.feeYouPay')
                        : t('eligibility.feeShopPays')
                  }
                />
              ))}
              {decision.outcome !== 'reject' && (
                <Row
                  term={t('eligibility.refund')}
                  value={money(decision.refundableTotalMinor)}
                  strong
                  testId="eligibility-refund"
                />
              )}
              {decision.outcome !== 'reject' && decision.deadlines.shipBackBy && !decision.returnless && (
                <Row
                  term={t('eligibility.shipBackBy')}
                  value={formatDeadline(decision.deadlines.shipBackBy, i18n.language)}
                  testId="eligibility-ship-back-by"
                />
              )}
              {decision.deadlines.requestBy && (
                <Row
                  term={t('eligibility.requestBy')}
                  value={formatDeadline(decision.deadlines.requestBy, i18n.language)}
                />
              )}
            </dl>
            {decision.trace.length > 0 && (
              <details>
                <summary style={{ cursor: 'pointer' }}>
                  <Text span size="sm" fw={500}>
                    {t('eligibility.how')}
                  </Text>
                </summary>
                <List size="sm" spacing={2} mt="xs" listStyleType="none">
                  {decision.trace.map((step) => (
                    <List.Item key={step.rule}>
                      <Text span size="sm" fw={700} c={step.passed ? 'green.9' : 'red.8'} aria-hidden>
                        {step.passed ? '✓ ' : '✗ '}
                      </Text>
                      <VisuallyHidden>
                        {step.passed ? t('eligibility.passed') : t('eligibility.notMet')}
                        {': '}
                      </VisuallyHidden>
                      {step.message}
                    </List.Item>
                  ))}
                </List>
              </details>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Row({
  term,
  value,
  hint,
  strong,
  testId,
}: {
  term: string;
  value: string;
  hint?: string;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <>
      <dt>
        <Text size="sm" fw={strong ? 700 : 400} span>
          {term}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </dt>
      <dd style={{ margin: 0, textAlign: 'right' }} data-testid={testId}>
        <Text size="sm" fw={strong ? 700 : 500} span style={{ whiteSpace: 'nowrap' }}>
          {value}
        </Text>
      </dd>
    </>
  );
}
