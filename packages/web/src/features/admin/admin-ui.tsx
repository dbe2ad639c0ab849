import { Alert, Button, Center, Group, List, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { allows, useMe } from '../../apps/console/session';
import { ApiError, errorMessage } from '../../ui/api';

// Mantine's light alerts colour their titles a shade too pale for 4.5:1 on their tint.
export const ALERT_TITLE_STYLES = { title: { color: 'var(--mantine-color-dark-9)' } };

/**
 * The frame of an admin or dashboard page: its one h1, then the page, or a plain message
 * when the agent's role may not use it (the API would refuse anyway).
 */
export function GuardedPage({
  title,
  permission,
  actions,
  children,
}: {
  title: string;
  permission: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  const me = useMe();
  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="center">
        <Title order={1}>{title}</Title>
        {allows(me.data, permission) && actions}
      </Group>
      {me.isPending ? (
        <Loading />
      ) : allows(me.data, permission) ? (
        children
      ) : (
        <Alert color="red" role="alert" title={t('forbidden.title')} styles={ALERT_TITLE_STYLES}>
          {t('forbidden.body', { permission })}
        </Alert>
      )}
    </Stack>
  );
}

export function Loading() {
  const { t } = useTranslation('common');
  return (
    <Center p="lg">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}

/** A failed request, said plainly: a 403 names the missing right rather than a code. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Alert
      color="red"
      role="alert"
      title={forbidden ? t('forbidden.title') : t('common:error')}
      styles={ALERT_TITLE_STYLES}
    >
      <Stack gap="xs">
        <Text size="sm">{forbidden ? t('forbidden.api') : errorMessage(error)}</Text>
        {onRetry && !forbidden && (
          <Group>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common:retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** The server's per-field problems (`/returnless/maxLabelShare: must be ≤ 1`), by path. */
export function FieldErrors({ error }: { error: unknown }) {
  const { t } = useTranslation('admin');
  if (!(error instanceof ApiError)) return error ? <ErrorAlert error={error} /> : null;
  if (error.errors.length === 0) return <ErrorAlert error={error} />;
  return (
    <Alert
      color="red"
      role="alert"
      title={error.detail ?? t('fieldErrors.title')}
      styles={ALERT_TITLE_STYLES}
    >
      <List size="sm">
        {error.errors.map((e) => (
          <List.Item key={`${e.field}:${e.message}`}>
            <Text span ff="monospace" size="sm" fw={600}>
              {displayPath(e.field)}
            </Text>
            {': '}
            {e.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** `body/document/returnless/maxLabelShare` → `/returnless/maxLabelShare`. */
export function displayPath(field: string): string {
  const path = field.replace(/^(body\/)?(document|policy|spec)?\/?/, '');
  return path.startsWith('/') ? path : `/${path}`;
}

/** A yes/no question before something that cannot be undone. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  danger = false,
  loading = false,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
