import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../ui/format';
import type { CaseView } from './case-api';

const OUTCOME_COLOR: Record<string, string> = { approve: 'green.9', review: 'orange.9', reject: 'red.8' };

/** The items asked for, with reasons, declared conditions and evidence. */
export function CaseItems({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation('console');
  const currency = caseView.currency ?? 'EUR';
  if (caseView.items.length === 0) return null;
  return (
    <section aria-labelledby="case-items">
      <Title order={2} size="h4" id="case-items" mb="xs">
        {t('details.items')}
      </Title>
      <Stack gap="xs">
        {caseView.items.map((item) => {
          const evidence = caseView.evidence.filter((e) => e.caseItemId === item.id);
          return (
            <div key={item.id} data-testid="case-item">
              <Group justify="space-between" gap="xs">
                <Text fw={600}>
                  {item.sku} × {item.quantity}
                </Text>
                <Text size="sm">{formatMoney(item.refundableMinor, currency, i18n.language)}</Text>
              </Group>
              <Text size="sm">
                {t('details.reason')}: {item.reasonCode}
                {item.description ? ` — ${item.description}` : ''}
              </Text>
              {item.conditions.length > 0 && (
                <Group gap={4} mt={2}>
                  {item.conditions.map((c) => (
                    <Badge key={c} size="sm" variant="outline" color="gray.8">
                      {t(`condition.${c}`, { defaultValue: c })}
                    </Badge>
                  ))}
                </Group>
              )}
              {evidence.length > 0 && (
                <Group gap="xs" mt={2}>
                  {evidence.map((e, i) => (
                    <Anchor
                      key={e.id}
                      href={`/api/v1/evidence/${e.id}`}
                      target="_blank"
                      rel="noreferrer"
                      size="sm"
                    >
                      {t('details.evidence', { n: i + 1, type: e.contentType })}
                    </Anchor>
                  ))}
                </Group>
              )}
            </div>
          );
        })}
      </Stack>
    </section>
  );
}

/** What the return policy decided and why, rule by rule. */
export function PolicyDecision({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation('console');
  const decision = caseView.decision;
  if (!decision) return null;
  const money = (minor: number) => formatMoney(minor, decision.currency, i18n.language);
  return (
    <section aria-labelledby="case-decision" data-testid="policy-decision">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="case-decision">
          {t('details.decision')}
        </Title>
        <Badge color={OUTCOME_COLOR[decision.outcome] ?? 'gray.8'} data-testid="decision-outcome">
          {t(`outcome.${decision.outcome}`)}
        </Badge>
      </Group>
      <Text size="sm" fw={600} data-testid="refundable-total">
        {t('details.refundable', { amount: money(decision.refundableTotalMinor) })}
      </Text>
      {decision.reasons.length > 0 && (
        <List size="sm" mt={4}>
          {decision.reasons.map((r) => (
            <List.Item key={r.code}>{r.message}</List.Item>
          ))}
        </List>
      )}
      {decision.fees.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('details.fees')}
          </Text>
          <List size="sm">
            {decision.fees.map((f) => (
              <List.Item key={f.code}>
                {f.code}: {money(f.amountMinor)} ({t('details.payer', { payer: f.payer })}
                {f.deductedFromRefund ? `, ${t('details.deducted')}` : ''})
              </List.Item>
            ))}
          </List>
        </>
      )}
      {decision.deadlines.shipBackBy && (
        <Text size="sm" mt={4}>
          {t('details.shipBackBy', { date: formatDate(decision.deadlines.shipBackBy, i18n.language) })}
        </Text>
      )}
      <Title order={3} size="h5" mt="sm" mb={4}>
        {t('details.trace')}
      </Title>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="rule-trace">
        {decision.trace.map((entry) => (
          <Group
            key={`${entry.rule}:${entry.message}`}
            component="li"
            gap="xs"
            wrap="nowrap"
            align="flex-start"
            data-testid="trace-rule"
            data-passed={entry.passed}
          >
            <Text
              size="sm"
              fw={700}
              c={entry.passed ? 'green.9' : 'red.8'}
              style={{ whiteSpace: 'nowrap', minWidth: '5.5em' }}
            >
              {entry.passed ? `✓ ${t('details.passed')}` : `✗ ${t('details.failed')}`}
            </Text>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {entry.rule}
              </Text>
              <Text size="sm">{entry.message}</Text>
            </div>
          </Group>
        ))}
      </Stack>
    </section>
  );
}

/** The parcel coming back and the money going out. */
export function ShipmentAndRefunds({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation('console');
  const shipment = caseView.returnShipment;
  if (!shipment && caseView.refunds.length === 0) return null;
  const date = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : '—');
  return (
    <section aria-labelledby="case-shipment">
      <Title order={2} size="h4" id="case-shipment" mb="xs">
        {t('details.shipmentAndRefunds')}
      </Title>
      {shipment && (
        <Text size="sm" data-testid="return-shipment">
          {t('details.shipment', {
            carrier: shipment.carrier,
            waybill: shipment.waybillNumber ?? '—',
            shipped: date(shipment.shippedAt),
            received: date(shipment.receivedAt),
          })}
        </Text>
      )}
      {caseView.refunds.map((r) => (
        <Text size="sm" key={r.id} data-testid="refund">
          {t('details.refund', {
            amount: formatMoney(r.amountMinor, r.currency, i18n.language),
            method: r.method,
            status: r.status,
            date: date(r.createdAt),
          })}
          {r.lastError ? ` — ${r.lastError}` : ''}
        </Text>
      ))}
    </section>
  );
}
