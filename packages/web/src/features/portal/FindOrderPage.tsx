import { Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FindOrderForm } from './FindOrderForm';

/** `/`: the customer finds their order, then goes on to it. */
export function FindOrderPage() {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  return (
    <Stack gap="md" pt="md">
      <Title order={1} size="h2">
        {t('find.title')}
      </Title>
      <FindOrderForm onFound={(orderId) => void navigate({ to: '/orders/$orderId', params: { orderId } })} />
    </Stack>
  );
}
