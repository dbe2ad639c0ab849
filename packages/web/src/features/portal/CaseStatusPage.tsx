import { Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/api';
import { formatDate, formatMoney } from '../../ui/format';
import { CancelCase } from './CancelCase';
import { CaseTimeline } from './CaseTimeline';
import { ChatPanel } from './ChatPanel';
import { currentStep, FINISHED, infoRequested } from './case-progress';
import { useCustomerSession } from './customer-session';
import { FindOrderForm } from './FindOrderForm';
import { InfoRequestForm } from './InfoRequestForm';
import { Notice } from './Notice';
import { type CaseView, useCase } from './portal-api';
import { RatingCard } from './RatingCard';
import { ReturnCodeCard } from './ReturnCodeCard';
import { StatusSteps } from './StatusSteps';
import { useCaseLive } from './use-case-live';

/** `/cases/$caseId`: where the request stands, what to do next, and the conversation, live. */
export function CaseStatusPage() {
  const { t } = useTranslation('portal');
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const session = useCustomerSession();
  if (!session) {
    // A link from a mail, or the token expired: prove who you are, then the page carries on.
    return (
      <Stack gap="md" pt="md">
        <Title order={1} size="h2">
          {t('case.loginTitle')}
        </Title>
        <FindOrderForm onFound={() => {}} />
      </Stack>
    );
  }
  return <CaseDetails caseId={caseId} token={session.token} />;
}

function CaseDetails({ caseId, token }: { caseId: string; token: string }) {
  const { t } = useTranslation('portal');
  const found = useCase(caseId);
  const chat = useCaseLive(caseId, token);
  if (found.isPending) return <Loader aria-label={t('loading')} m="xl" />;
  if (found.isError) {
    return (
      <Stack pt="md">
        <Title order={1} size="h2">
          {t('case.titleUnknown')}
        </Title>
        <Notice color="red" role="alert">
          {errorMessage(found.error)}
        </Notice>
      </Stack>
    );
  }
  const c = found.data;
  const question = c.status === 'pending_info' ? infoRequested(c) : null;
  return (
    <Stack gap="lg" pt="md">
      <div>
        <Title order={1} size="h2">
          {t('case.title', { number: c.number, kind: t(`kind.${c.kind}`, { defaultValue: c.kind }) })}
        </Title>
        {c.orderId && (
          <Anchor component={Link} to={`/orders/${c.orderId}`} size="sm">
            {t('case.backToOrder')}
          </Anchor>
        )}
      </div>
      <CaseStatusCard found={c} />
      {question !== null && <InfoRequestForm found={c} question={question} />}
      <ReturnCodeCard found={c} />
      {FINISHED.has(c.status) && <RatingCard found={c} />}
      <ChatPanel chat={chat} />
      <CaseTimeline found={c} />
      {c.allowedActions.includes('cancel') && <CancelCase found={c} />}
    </Stack>
  );
}

function CaseStatusCard({ found }: { found: CaseView }) {
  const { t, i18n } = useTranslation('portal');
  const step = currentStep(found);
  const rejected = found.status === 'rejected' || (found.status === 'closed' && step === null);
  const color = rejected || found.status === 'cancelled' ? 'red.8' : 'blue.8';
  const refund = found.refundableMinor ?? found.decision?.refundableTotalMinor ?? null;
  const currency = found.currency ?? found.decision?.currency;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="status-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="status-title">
          {t('case.statusTitle')}
        </Title>
        <div role="status" aria-live="polite" data-testid="case-status" data-status={found.status}>
          <Text fw={700} fz="lg" c={color}>
            {t(`status.${found.status}.label`, { defaultValue: found.status })}
          </Text>
          <Text size="sm">{t(`status.${found.status}.text`, { defaultValue: '' })}</Text>
        </div>
        {step && <StatusSteps current={step} kind={found.kind} />}
        {refund !== null &&
          currency &&
          !rejected &&
          found.status !== 'cancelled' &&
          found.refunds.length === 0 && (
            <Text size="sm">
              {t('case.refundEstimate', { amount: formatMoney(refund, currency, i18n.language) })}
            </Text>
          )}
        <Text size="xs" c="dimmed">
          {t('case.updated', { date: formatDate(found.updatedAt, i18n.language) })}
        </Text>
      </Stack>
    </Card>
  );
}
