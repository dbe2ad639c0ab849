import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, minorDigits } from '../../ui/format';
import type { ActionFields } from './action-fields';
import type { CaseView } from './case-api';

export interface ActionInput {
  reason?: string;
  amountMinor?: number;
  compensationMinor?: number;
  group?: string;
  mediator?: string;
  carrier?: string;
  trackingNumber?: string;
  mergeInto?: string;
}

/** The form an action needs (a reason, an amount, a target…), then a confirm button. */
export function ActionDialog({
  action,
  fields,
  caseView,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  action: string;
  fields: ActionFields;
  caseView: CaseView;
  pending: boolean;
  error: string | null;
  onSubmit: (input: ActionInput) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('console');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState<string | number>('');
  const [group, setGroup] = useState('service');
  const [mediator, setMediator] = useState('');
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [target, setTarget] = useState('');
  const currency = caseView.currency ?? caseView.decision?.currency ?? 'EUR';
  const toMinor = (value: string | number) => Math.round(Number(value) * 10 ** minorDigits(currency));
  const label = t(`action.${action}`, { defaultValue: action });

  const submit = () => {
    const input: ActionInput = {};
    if (fields.reason && reason.trim()) input.reason = reason.trim();
    if (fields.amount && amount !== '') {
      if (action === 'decide') input.compensationMinor = toMinor(amount);
      else input.amountMinor = toMinor(amount);
    }
    if (fields.group) input.group = group;
    if (fields.mediator) input.mediator = mediator.trim();
    if (fields.carrier && carrier.trim()) input.carrier = carrier.trim();
    if (fields.carrier && tracking.trim()) input.trackingNumber = tracking.trim();
    if (fields.mergeTarget) input.mergeInto = target.trim().replace(/^#/, '');
    onSubmit(input);
  };

  return (
    <Modal opened onClose={onClose} title={label}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {fields.refund && (
            <Text data-testid="refund-amount">
              {t('actions.refundable', {
                amount: formatMoney(
                  caseView.decision?.refundableTotalMinor ?? caseView.refundableMinor ?? 0,
                  currency,
                  i18n.language,
                ),
              })}
            </Text>
          )}
          {fields.mergeTarget && (
            <TextInput
              label={t('actions.mergeTarget')}
              description={t('actions.mergeTargetHelp')}
              required
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value)}
              data-autofocus
              data-testid="merge-target"
            />
          )}
          {fields.group && (
            <NativeSelect
              label={t('actions.group')}
              value={group}
              onChange={(e) => setGroup(e.currentTarget.value)}
              data={['legal', 'service', 'product'].map((g) => ({
                value: g,
                label: t(`actions.groups.${g}`),
              }))}
            />
          )}
          {fields.mediator && (
            <TextInput
              label={t('actions.mediator')}
              required
              value={mediator}
              onChange={(e) => setMediator(e.currentTarget.value)}
            />
          )}
          {fields.amount && (
            <NumberInput
              label={t(action === 'decide' ? 'actions.compensation' : 'actions.amount', { currency })}
              required={fields.amount === 'required'}
              min={0}
              decimalScale={minorDigits(currency)}
              value={amount}
              onChange={setAmount}
            />
          )}
          {fields.carrier && (
            <>
              <TextInput
                label={t('actions.carrier')}
                value={carrier}
                onChange={(e) => setCarrier(e.currentTarget.value)}
              />
              <TextInput
                label={t('actions.tracking')}
                value={tracking}
                onChange={(e) => setTracking(e.currentTarget.value)}
              />
            </>
          )}
          {fields.reason && (
            <Textarea
              label={t(fields.reasonLabel ?? 'actions.reason')}
              required={fields.reason === 'required'}
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus={!fields.mergeTarget}
              data-testid="action-reason"
            />
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button
              type="submit"
              loading={pending}
              data-testid="action-confirm"
              color={action === 'reject' || action === 'cancel' ? 'red.8' : undefined}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
