import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../../ui/api';
import { type CustomerSession, saveCustomerSession, shopTenantId } from './customer-session';
import { fieldErrors } from './field-errors';
import { Notice } from './Notice';

interface Props {
  /** Called with the order's id once the customer proved who they are. */
  onFound: (orderId: string) => void;
}

/** Order number plus the e-mail or phone on the order: the customer's way in, no account needed. */
export function FindOrderForm({ onFound }: Props) {
  const { t } = useTranslation('portal');
  const [orderNumber, setOrderNumber] = useState('');
  const [contact, setContact] = useState('');
  const [missing, setMissing] = useState<{ orderNumber?: boolean; contact?: boolean }>({});
  const tenantId = shopTenantId();
  const find = useMutation({
    mutationFn: async () => {
      const number = orderNumber.trim();
      const value = contact.trim();
      const byEmail = value.includes('@');
      const session = await api<CustomerSession>('POST', '/auth/customer-token', {
        body: { orderNumber: number, tenantId, ...(byEmail ? { email: value } : { phone: value }) },
      });
      const orders = await api<{ items: { id: string; number: string }[] }>('GET', '/orders', {
        token: session.token,
        query: { number },
      });
      const order = orders.items.find((o) => o.number === number) ?? orders.items[0];
      if (!order) throw new ApiError(401, 'unauthenticated', 'Unauthorized', undefined);
      saveCustomerSession(session);
      return order.id;
    },
    onSuccess: onFound,
  });
  const fields = fieldErrors(find.error);
  const contactError = fields.email ?? fields.phone;
  const refused = find.error instanceof ApiError && find.error.status === 401;
  const otherError = find.isError && !refused && !fields.orderNumber && !contactError;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const gaps = { orderNumber: !orderNumber.trim(), contact: !contact.trim() };
        setMissing(gaps);
        if (!gaps.orderNumber && !gaps.contact) find.mutate();
      }}
    >
      <Stack gap="md">
        <Text>{t('find.intro')}</Text>
        {!tenantId && (
          <Notice color="orange" role="alert" title={t('find.noShopTitle')}>
            {t('find.noShop')}
          </Notice>
        )}
        {refused && (
          <Notice color="red" role="alert" title={t('find.notFoundTitle')} data-testid="find-order-error">
            {t('find.notFound')}
          </Notice>
        )}
        {otherError && (
          <Notice color="red" role="alert" data-testid="find-order-error">
            {errorMessage(find.error)}
          </Notice>
        )}
        <TextInput
          label={t('find.orderNumber')}
          description={t('find.orderNumberHint')}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={orderNumber}
          onChange={(e) => setOrderNumber(e.currentTarget.value)}
          error={missing.orderNumber ? t('find.orderNumberMissing') : fields.orderNumber}
          data-testid="find-order-number"
        />
        <TextInput
          label={t('find.contact')}
          description={t('find.contactHint')}
          required
          type="text"
          inputMode="email"
          autoComplete="email"
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
          error={missing.contact ? t('find.contactMissing') : contactError}
          data-testid="find-order-contact"
        />
        <Button type="submit" size="md" loading={find.isPending} data-testid="find-order-submit">
          {t('find.submit')}
        </Button>
      </Stack>
    </form>
  );
}
