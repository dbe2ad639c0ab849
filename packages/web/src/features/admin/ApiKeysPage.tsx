import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { formatDate } from '../../ui/format';
import { ALERT_TITLE_STYLES, ConfirmModal, ErrorAlert, FieldErrors, GuardedPage, Loading } from './admin-ui';

interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}
const keysKey = ['api-keys'] as const;

/** API keys for the shop's own systems: list, create (the secret is shown once), revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation('admin');
  return (
    <GuardedPage title={t('apiKeys.title')} permission="users:manage">
      <ApiKeys />
    </GuardedPage>
  );
}

function ApiKeys() {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: keysKey,
    queryFn: () => api<{ items: ApiKeyView[] }>('GET', '/api-keys'),
  });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const create = useMutation({
    mutationFn: () => api<ApiKeyView & { key: string }>('POST', '/api-keys', { body: { name: name.trim() } }),
    onSuccess: (key) => {
      setCreated({ name: key.name, key: key.key });
      setName('');
      return queryClient.invalidateQueries({ queryKey: keysKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api-keys/${id}`),
    onSuccess: () => {
      setRevoking(null);
      return queryClient.invalidateQueries({ queryKey: keysKey });
    },
  });
  const date = (iso: string | null | undefined) => (iso ? formatDate(iso, i18n.language) : '—');

  return (
    <Stack gap="lg">
      <Text>{t('apiKeys.help')}</Text>
      {created && (
        <Alert
          color="yellow"
          title={t('apiKeys.createdTitle', { name: created.name })}
          role="status"
          styles={ALERT_TITLE_STYLES}
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('apiKeys.onceWarning')}
            </Text>
            <Group gap="xs" wrap="nowrap" align="center">
              <Code
                block
                style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
                aria-label={t('apiKeys.secret')}
              >
                {created.key}
              </Code>
              <CopyButton value={created.key}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'filled' : 'default'}
                    color={copied ? 'green' : undefined}
                    onClick={copy}
                  >
                    {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group>
              <Button size="xs" variant="default" onClick={() => setCreated(null)}>
                {t('apiKeys.done')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="new-key-title">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) create.mutate();
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="new-key-title">
              {t('apiKeys.createTitle')}
            </Title>
            {create.isError && <FieldErrors error={create.error} />}
            <Group align="flex-end">
              <TextInput
                label={t('apiKeys.name')}
                description={t('apiKeys.nameHelp')}
                value={name}
                maxLength={100}
                onChange={(e) => setName(e.currentTarget.value)}
                w={360}
              />
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('apiKeys.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="keys-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="keys-title">
            {t('apiKeys.listTitle')}
          </Title>
          {keys.isPending ? (
            <Loading />
          ) : keys.isError ? (
            <ErrorAlert error={keys.error} onRetry={() => keys.refetch()} />
          ) : keys.data.items.length === 0 ? (
            <Text>{t('apiKeys.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('apiKeys.name')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.prefix')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.createdAt')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.status')}</Table.Th>
                    <Table.Th scope="col">{t('actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {keys.data.items.map((key) => (
                    <Table.Tr key={key.id}>
                      <Table.Th scope="row" fw={500}>
                        {key.name}
                      </Table.Th>
                      <Table.Td>
                        <Code>{key.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>{date(key.createdAt)}</Table.Td>
                      <Table.Td>
                        {key.revokedAt ? (
                          <Badge color="red" variant="light" c="red.9">
                            {t('apiKeys.revokedOn', { date: date(key.revokedAt) })}
                          </Badge>
                        ) : (
                          <Badge color="green" variant="light" c="green.9">
                            {t('apiKeys.active')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {!key.revokedAt && (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('apiKeys.revokeNamed', { name: key.name })}
                            onClick={() => setRevoking(key)}
                          >
                            {t('apiKeys.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {revoke.isError && <ErrorAlert error={revoke.error} />}
        </Stack>
      </Paper>
      <ConfirmModal
        opened={revoking !== null}
        title={t('apiKeys.revokeTitle')}
        confirmLabel={t('apiKeys.revoke')}
        danger
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => setRevoking(null)}
      >
        <Text size="sm">{t('apiKeys.revokeBody', { name: revoking?.name ?? '' })}</Text>
      </ConfirmModal>
    </Stack>
  );
}
