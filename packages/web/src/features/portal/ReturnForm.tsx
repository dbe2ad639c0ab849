import { Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../ui/api';
import { useCustomerSession } from './customer-session';
import { EligibilityPanel } from './EligibilityPanel';
import { fieldErrors } from './field-errors';
import { Notice } from './Notice';
import { type Order, type ReturnBody, useEligibility, useReturnReasons } from './portal-api';
import { type ItemDraft, ReturnLineFields } from './ReturnLineFields';

const EMPTY: ItemDraft = { selected: false, quantity: 1, reasonCode: '', conditions: [], photos: [] };

/** Pick lines, quantities and reasons; see what the policy answers; then file the return. */
export function ReturnForm({ order, onCancel }: { order: Order; onCancel: () => void }) {
  const { t, i18n } = useTranslation('portal');
  const token = useCustomerSession()?.token;
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { reasons } = useReturnReasons(language, (code) => t(`reason.${code}`, { defaultValue: code }));
  const [drafts, setDrafts] = useState<Record<string, ItemDraft>>({});
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const [idempotencyKey] = useState(() => `portal-${crypto.randomUUID()}`);
  const draftOf = (lineId: string) => drafts[lineId] ?? EMPTY;
  const update = (lineId: string, change: Partial<ItemDraft>) =>
    setDrafts((all) => ({ ...all, [lineId]: { ...(all[lineId] ?? EMPTY), ...change } }));

  const chosen = order.lines.filter((line) => draftOf(line.id).selected);
  const complete = chosen.length > 0 && chosen.every((line) => draftOf(line.id).reasonCode);
  const uploading = chosen.some((line) => draftOf(line.id).photos.some((p) => p.status === 'uploading'));
  // biome-ignore lint/correctness/useExhaustiveDependencies: drafts stand for draftOf
  const body = useMemo<ReturnBody | null>(() => {
    if (!complete) return null;
    return {
      kind: 'return',
      orderId: order.id,
      language,
      items: chosen.map((line) => {
        const d = draftOf(line.id);
        return {
          orderLineId: line.id,
          quantity: d.quantity,
          reasonCode: d.reasonCode,
          conditions: d.conditions,
          evidenceIds: d.photos.flatMap((p) => (p.id ? [p.id] : [])),
        };
      }),
    };
  }, [drafts, complete, order.id, language]);
  const eligibility = useEligibility(body);

  const submit = useMutation({
    mutationFn: (request: ReturnBody) =>
      api<{ id: string }>('POST', '/cases', {
        token,
        idempotencyKey,
        body: {
          ...request,
          channel: 'web',
          ...(description.trim() ? { description: description.trim() } : {}),
        },
      }),
    onSuccess: (created) => void navigate({ to: '/cases/$caseId', params: { caseId: created.id } }),
  });
  const errors = fieldErrors(submit.error);
  const itemErrors = (index: number) =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([field]) => field.startsWith(`items/${index}/`))
        .map(([field, message]) => [field.split('/')[2] ?? '', message]),
    );
  const placed = new Set(['description', ...chosen.map((_, i) => `items/${i}/`)]);
  const unplaced = Object.entries(errors).filter(
    ([field]) => ![...placed].some((p) => field === p || field.startsWith(p)),
  );
  const refused = eligibility.data?.outcome === 'reject' && eligibility.settled;

  return (
    <form
      noValidate
      aria-labelledby="return-title"
      data-testid="return-form"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (body && !uploading && !refused) submit.mutate(body);
      }}
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="return-title">
          {t('return.title')}
        </Title>
        <Text>{t('return.intro')}</Text>
        {order.lines.map((line) => (
          <ReturnLineFields
            key={line.id}
            line={line}
            currency={order.currency}
            draft={draftOf(line.id)}
            reasons={reasons}
            onChange={(change) => update(line.id, change)}
            errors={{
              ...(tried && draftOf(line.id).selected && !draftOf(line.id).reasonCode
                ? { reasonCode: t('return.reasonMissing') }
                : {}),
              ...itemErrors(chosen.findIndex((c) => c.id === line.id)),
            }}
          />
        ))}
        {tried && chosen.length === 0 && (
          <Notice color="red" role="alert">
            {t('return.nothingSelected')}
          </Notice>
        )}
        <Textarea
          label={t('return.description')}
          description={t('return.descriptionHint')}
          autosize
          minRows={3}
          maxLength={10_000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          data-testid="return-description"
        />
        <EligibilityPanel
          decision={body ? (eligibility.data ?? null) : null}
          loading={Boolean(body) && (eligibility.isFetching || !eligibility.settled)}
          error={body && eligibility.isError ? errorMessage(eligibility.error) : null}
          waiting={!body}
        />
        {submit.isError && (
          <Notice color="red" role="alert" title={t('return.submitFailed')} data-testid="return-error">
            {unplaced.length > 0 || Object.keys(errors).length === 0
              ? errorMessage(submit.error)
              : t('return.fixFields')}
          </Notice>
        )}
        {refused && (
          <Text size="sm" role="note">
            {t('return.refusedHint')}
          </Text>
        )}
        <Stack gap="xs">
          <Button
            type="submit"
            size="md"
            loading={submit.isPending}
            disabled={uploading || refused}
            data-testid="return-submit"
          >
            {t('return.submit')}
          </Button>
          <Button variant="default" size="md" onClick={onCancel}>
            {t('return.back')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
