import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../ui/api';
import { useCustomerSession } from './customer-session';
import { Notice } from './Notice';
import { type CaseView, caseKey } from './portal-api';

/** Withdraw the request while the parcel has not left: asked twice, since it cannot be undone. */
export function CancelCase({ found }: { found: CaseView }) {
  const { t } = useTranslation('portal');
  const token = useCustomerSession()?.token;
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () =>
      api('POST', `/cases/${found.id}/actions/cancel`, { token, body: { version: found.version } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKey(found.id) }),
  });
  if (!confirming) {
    return (
      <Button variant="outline" color="red.8" onClick={() => setConfirming(true)} data-testid="cancel-case">
        {t('cancel.button')}
      </Button>
    );
  }
  return (
    <Notice color="red" variant="light" title={t('cancel.confirmTitle')} data-testid="cancel-confirm">
      <Stack gap="sm">
        <Text size="sm">{t('cancel.confirmText')}</Text>
        {cancel.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(cancel.error)}
          </Text>
        )}
        <Group>
          <Button
            color="red.8"
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
            data-testid="cancel-confirm-yes"
          >
            {t('cancel.yes')}
          </Button>
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('cancel.no')}
          </Button>
        </Group>
      </Stack>
    </Notice>
  );
}
