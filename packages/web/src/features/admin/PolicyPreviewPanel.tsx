import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../ui/format';
import type { PolicyPreview } from './policy-document';

function signed(n: number, locale: string): string {
  const text = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(n);
  return text;
}

/** How the draft would have decided the last N days' requests, beside what was decided. */
export function PolicyPreviewPanel({ preview }: { preview: PolicyPreview }) {
  const { t, i18n } = useTranslation('admin');
  const locale = i18n.language;
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const percent = (n: number | null) =>
    n === null
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n);
  const outcomes = [
    ...new Set([...Object.keys(preview.current.outcomes), ...Object.keys(preview.draft.outcomes)]),
  ];
  const currencies = [
    ...new Set([...preview.current.refundMinor, ...preview.draft.refundMinor].map((r) => r.currency)),
  ].sort();
  const refundOf = (side: PolicyPreview['current'], currency: string) =>
    side.refundMinor.find((r) => r.currency === currency)?.amountMinor ?? 0;
  const outcomeLabel = (o: string) => t(`outcomes.${o}`, { defaultValue: o });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="policy-preview-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="policy-preview-title">
          {t('preview.title')}
        </Title>
        <Text size="sm">
          {t('preview.period', {
            from: formatDate(preview.from, locale, { dateOnly: true }),
            to: formatDate(preview.to, locale, { dateOnly: true }),
            count: preview.cases,
            cases: number(preview.cases),
          })}
        </Text>
        {preview.cases === 0 ? (
          <Alert color="gray">{t('preview.noCases')}</Alert>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Table withTableBorder striped>
                <Table.Caption>{t('preview.outcomesCaption')}</Table.Caption>
                <ComparisonHead first={t('preview.outcome')} />
                <Table.Tbody>
                  {outcomes.map((o) => {
                    const a = preview.current.outcomes[o] ?? 0;
                    const b = preview.draft.outcomes[o] ?? 0;
                    return (
                      <Table.Tr key={o}>
                        <Table.Th scope="row">{outcomeLabel(o)}</Table.Th>
                        <Table.Td ta="right">{number(a)}</Table.Td>
                        <Table.Td ta="right">{number(b)}</Table.Td>
                        <Table.Td ta="right" fw={a === b ? undefined : 700}>
                          {signed(b - a, locale)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                  <Table.Tr>
                    <Table.Th scope="row">{t('preview.automatedShare')}</Table.Th>
                    <Table.Td ta="right">{percent(preview.current.automatedShare)}</Table.Td>
                    <Table.Td ta="right">{percent(preview.draft.automatedShare)}</Table.Td>
                    <Table.Td />
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Table withTableBorder striped>
                <Table.Caption>{t('preview.refundsCaption')}</Table.Caption>
                <ComparisonHead first={t('preview.currency')} />
                <Table.Tbody>
                  {currencies.map((c) => {
                    const a = refundOf(preview.current, c);
                    const b = refundOf(preview.draft, c);
                    return (
                      <Table.Tr key={c}>
                        <Table.Th scope="row">{c}</Table.Th>
                        <Table.Td ta="right">{formatMoney(a, c, locale)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(b, c, locale)}</Table.Td>
                        <Table.Td ta="right" fw={a === b ? undefined : 700}>
                          {(b > a ? '+' : '') + formatMoney(b - a, c, locale)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </SimpleGrid>
            <Title order={3} size="h4">
              {t('preview.changed', { count: preview.changedCount, cases: number(preview.changedCount) })}
            </Title>
            {preview.changed.length === 0 ? (
              <Text size="sm">{t('preview.noneChanged')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('preview.case')}</Table.Th>
                      <Table.Th scope="col">{t('preview.current')}</Table.Th>
                      <Table.Th scope="col">{t('preview.draft')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('preview.refundCurrent')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('preview.refundDraft')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.changed.map((c) => (
                      <Table.Tr key={c.caseId}>
                        <Table.Td>
                          <Anchor href={`/console/cases/${c.caseId}`}>#{c.number}</Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color="gray" c="dark">
                            {outcomeLabel(c.currentOutcome)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light">{outcomeLabel(c.draftOutcome)}</Badge>
                        </Table.Td>
                        <Table.Td ta="right">
                          {formatMoney(c.currentRefundMinor, c.currency, locale)}
                        </Table.Td>
                        <Table.Td ta="right">{formatMoney(c.draftRefundMinor, c.currency, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {preview.changedCount > preview.changed.length && (
              <Group>
                <Text size="sm">
                  {t('preview.moreChanged', { count: preview.changedCount - preview.changed.length })}
                </Text>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The header both comparison tables share: what is compared, then published, draft and change. */
function ComparisonHead({ first }: { first: string }) {
  const { t } = useTranslation('admin');
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        {(['preview.current', 'preview.draft', 'preview.change'] as const).map((key) => (
          <Table.Th key={key} scope="col" ta="right">
            {t(key)}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
