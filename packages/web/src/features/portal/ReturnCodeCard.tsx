import { Anchor, Box, Card, Group, Image, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDeadline } from './deadline';
import { type CaseView, useProtectedFile } from './portal-api';

/** The return code with its QR code, and what to do now: pack, label, ship by the deadline. */
export function ReturnCodeCard({ found }: { found: CaseView }) {
  const { t, i18n } = useTranslation('portal');
  // Once the parcel is in, the code has done its job.
  const shown =
    Boolean(found.returnCode) && ['approved', 'awaiting_return', 'in_transit'].includes(found.status);
  const qr = useProtectedFile(shown ? `/cases/${found.id}/return-code.png` : null);
  const awaiting = ['approved', 'awaiting_return'].includes(found.status);
  const label = useProtectedFile(
    found.returnShipment && awaiting ? `/cases/${found.id}/return-label.pdf` : null,
  );
  const shipBackBy = found.decision?.deadlines.shipBackBy;
  if (!shown || !found.returnCode) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="return-code-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="return-code-title">
          {t('code.title')}
        </Title>
        <Group gap="md" wrap="wrap" align="center">
          <Box w={160} h={160}>
            {qr.url ? (
              <Image src={qr.url} alt={t('code.qrAlt', { code: found.returnCode })} w={160} h={160} />
            ) : qr.failed ? (
              <Text size="sm">{t('code.qrFailed')}</Text>
            ) : (
              <Loader aria-label={t('loading')} />
            )}
          </Box>
          <Stack gap={2}>
            <Text size="sm">{t('code.label')}</Text>
            <Text fz={28} fw={800} ff="monospace" data-testid="return-code" style={{ letterSpacing: 2 }}>
              {found.returnCode}
            </Text>
            {found.returnShipment?.waybillNumber && (
              <Text size="sm">{t('code.waybill', { number: found.returnShipment.waybillNumber })}</Text>
            )}
          </Stack>
        </Group>
        {awaiting && (
          <>
            <Title order={3} size="h4">
              {t('code.nextSteps')}
            </Title>
            <List type="ordered" spacing={4} data-testid="next-steps">
              <List.Item>{t('code.stepPack')}</List.Item>
              <List.Item>
                {found.returnShipment
                  ? t('code.stepLabel')
                  : t('code.stepWriteCode', { code: found.returnCode })}
              </List.Item>
              <List.Item>
                {shipBackBy
                  ? t('code.stepShipBy', { date: formatDeadline(shipBackBy, i18n.language) })
                  : t('code.stepShip')}
              </List.Item>
            </List>
            {found.returnShipment &&
              (label.url ? (
                <Anchor
                  href={label.url}
                  download={`return-label-${found.number}.pdf`}
                  fw={600}
                  data-testid="return-label"
                >
                  {t('code.downloadLabel')}
                </Anchor>
              ) : label.failed ? (
                <Text size="sm">{t('code.labelFailed')}</Text>
              ) : null)}
          </>
        )}
      </Stack>
    </Card>
  );
}
