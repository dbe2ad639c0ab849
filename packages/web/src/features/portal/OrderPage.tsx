import { Anchor, Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/api';
import { formatDate, formatMoney } from '../../ui/format';
import { useCustomerSession } from './customer-session';
import { FindOrderForm } from './FindOrderForm';
import { lineVariant } from './line-variant';
import { Notice } from './Notice';
import { type Order, useOrder, useOrderCases } from './portal-api';
import { ReturnForm } from './ReturnForm';

/** `/orders/$orderId`: what was bought, the cases already open, and the way to start a return. */
export function OrderPage() {
  const { t } = useTranslation('portal');
  const { orderId } = useParams({ strict: false }) as { orderId: string };
  const session = useCustomerSession();
  const navigate = useNavigate();
  if (!session) {
    return (
      <Stack gap="md" pt="md">
        <Title order={1} size="h2">
          {t('find.title')}
        </Title>
        <FindOrderForm onFound={(id) => void navigate({ to: '/orders/$orderId', params: { orderId: id } })} />
      </Stack>
    );
  }
  return <OrderDetails orderId={orderId} />;
}

function OrderDetails({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation('portal');
  const order = useOrder(orderId);
  const [returning, setReturning] = useState(false);
  if (order.isPending) return <Loader aria-label={t('loading')} m="xl" />;
  if (order.isError) {
    return (
      <Stack pt="md">
        <Title order={1} size="h2">
          {t('order.titleUnknown')}
        </Title>
        <Notice color="red" role="alert">
          {errorMessage(order.error)}
        </Notice>
      </Stack>
    );
  }
  const o = order.data;
  return (
    <Stack gap="lg" pt="md">
      <div>
        <Title order={1} size="h2">
          {t('order.title', { number: o.number })}
        </Title>
        <Text c="dimmed" size="sm">
          {t('order.placedOn', { date: formatDate(o.placedAt, i18n.language, { dateOnly: true }) })}
          {o.deliveredAt &&
            ` · ${t('order.deliveredOn', { date: formatDate(o.deliveredAt, i18n.language, { dateOnly: true }) })}`}
        </Text>
      </div>
      <OrderLines order={o} />
      <OrderCases orderId={o.id} />
      {returning ? (
        <ReturnForm order={o} onCancel={() => setReturning(false)} />
      ) : (
        <Button size="md" onClick={() => setReturning(true)} data-testid="start-return">
          {t('order.startReturn')}
        </Button>
      )}
    </Stack>
  );
}

function OrderLines({ order }: { order: Order }) {
  const { t, i18n } = useTranslation('portal');
  return (
    <section aria-labelledby="order-lines-title">
      <Title order={2} size="h3" id="order-lines-title" mb="xs">
        {t('order.items')}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {order.lines.map((line) => (
          <Card key={line.id} withBorder padding="sm" component="li" data-testid={`order-line-${line.sku}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text fw={600}>{line.title}</Text>
                {lineVariant(line) && (
                  <Text size="sm" c="dimmed">
                    {lineVariant(line)}
                  </Text>
                )}
                <Text size="sm">{t('order.quantity', { count: line.quantity })}</Text>
              </div>
              <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(
                  line.unitPriceMinor * line.quantity - line.discountMinor,
                  order.currency,
                  i18n.language,
                )}
              </Text>
            </Group>
          </Card>
        ))}
      </Stack>
      <Group justify="space-between" mt="xs">
        <Text>{t('order.total')}</Text>
        <Text fw={700}>{formatMoney(order.totalMinor, order.currency, i18n.language)}</Text>
      </Group>
    </section>
  );
}

function OrderCases({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation('portal');
  const cases = useOrderCases(orderId);
  const items = cases.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="order-cases-title">
      <Title order={2} size="h3" id="order-cases-title" mb="xs">
        {t('order.cases')}
      </Title>
      <List listStyleType="none" spacing="xs" data-testid="order-cases">
        {items.map((c) => (
          <List.Item key={c.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/cases/${c.id}`}>
                {t('order.caseLink', {
                  number: c.number,
                  kind: t(`kind.${c.kind}`, { defaultValue: c.kind }),
                })}
              </Anchor>
              <Badge variant="light" color="gray" c="dark">
                {t(`status.${c.status}.label`, { defaultValue: c.status })}
              </Badge>
              <Text size="sm" c="dimmed">
                {formatDate(c.createdAt, i18n.language, { dateOnly: true })}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
