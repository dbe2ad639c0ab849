import { Anchor, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { formatDate, formatMoney } from '../../ui/format';
import type { CasePage, CaseView } from './case-api';

interface OrderSummary {
  id: string;
  number: string;
  status: string;
  placedAt: string;
  currency: string;
  totalMinor: number;
  customerEmail: string | null;
  customerName: string | null;
}

/** The customer's other orders and cases, to see a pattern (or a duplicate) at a glance. */
export function CustomerHistory({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation('console');
  const customerId = caseView.customerId;
  const orders = useQuery({
    queryKey: ['orders', { customerId }],
    queryFn: ({ signal }) =>
      api<{ items: OrderSummary[] }>('GET', '/orders', { query: { customerId, limit: 20 }, signal }),
  });
  const cases = useQuery({
    queryKey: ['cases', { customerId }],
    queryFn: ({ signal }) => api<CasePage>('GET', '/cases', { query: { customerId, limit: 20 }, signal }),
  });
  const others = cases.data?.items.filter((c) => c.id !== caseView.id) ?? [];
  const customer = orders.data?.items[0];
  return (
    <section aria-labelledby="case-customer">
      <Title order={2} size="h4" id="case-customer" mb="xs">
        {t('customer.title')}
      </Title>
      {customer && (
        <Text size="sm" mb="xs">
          {[customer.customerName, customer.customerEmail].filter(Boolean).join(' · ')}
        </Text>
      )}
      <Title order={3} size="h5">
        {t('customer.orders')}
      </Title>
      {orders.data?.items.length === 0 && <Text size="sm">{t('customer.none')}</Text>}
      <List size="sm" mb="xs" data-testid="customer-orders">
        {orders.data?.items.map((o) => (
          <List.Item key={o.id}>
            {o.number} · {formatDate(o.placedAt, i18n.language, { dateOnly: true })} ·{' '}
            {formatMoney(o.totalMinor, o.currency, i18n.language)} · {o.status}
            {o.id === caseView.orderId ? ` (${t('customer.thisOrder')})` : ''}
          </List.Item>
        ))}
      </List>
      <Title order={3} size="h5">
        {t('customer.cases')}
      </Title>
      {cases.isSuccess && others.length === 0 && <Text size="sm">{t('customer.none')}</Text>}
      <List size="sm" data-testid="customer-cases">
        {others.map((c) => (
          <List.Item key={c.id}>
            <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId" params={{ caseId: c.id }} />}>
              #{c.number}
            </Anchor>{' '}
            · {t(`kind.${c.kind}`, { defaultValue: c.kind })} ·{' '}
            {t(`status.${c.status}`, { defaultValue: c.status })}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
