import { Alert, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../ui/api';
import { ConfirmModal, ErrorAlert, FieldErrors, GuardedPage, Loading } from './admin-ui';
import { JsonField } from './JsonField';
import { PolicyForm } from './PolicyForm';
import { PolicyPreviewPanel } from './PolicyPreviewPanel';
import type { PolicyDocument, PolicyPreview, PolicyVersion } from './policy-document';

const policyKey = ['policy'] as const;

/** The return policy: edit a draft as a form or as JSON, preview its effect, publish it. */
export function PolicyPage() {
  const { t } = useTranslation('admin');
  return (
    <GuardedPage title={t('policy.title')} permission="policies:write">
      <PolicyEditor />
    </GuardedPage>
  );
}

function PolicyEditor() {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: policyKey, queryFn: () => api<PolicyVersion>('GET', '/policy') });
  const [draft, setDraft] = useState<PolicyDocument | null>(null);
  const [jsonValid, setJsonValid] = useState(true);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (current.data && draft === null) setDraft(current.data.document);
  }, [current.data, draft]);

  const preview = useMutation({
    mutationFn: (document: PolicyDocument) =>
      api<PolicyPreview>('POST', '/policy/preview', { body: { document, days: 90 } }),
  });
  const publish = useMutation({
    mutationFn: (document: PolicyDocument) =>
      api<PolicyVersion>('POST', '/policy/versions', {
        body: { document, basedOnVersion: current.data?.version },
      }),
    onSuccess: (published) => {
      setConfirming(false);
      queryClient.setQueryData(policyKey, published);
      setDraft(published.document);
      preview.reset();
      notifications.show({ color: 'green', message: t('policy.published', { version: published.version }) });
    },
    onError: () => setConfirming(false),
  });
  const change = useCallback(
    (next: PolicyDocument) => {
      setDraft(next);
      preview.reset();
      publish.reset();
    },
    [preview.reset, publish.reset],
  );

  if (current.isPending) return <Loading />;
  if (current.isError) return <ErrorAlert error={current.error} onRetry={() => current.refetch()} />;
  if (!draft) return <Loading />;

  const dirty = JSON.stringify(draft) !== JSON.stringify(current.data.document);
  const previewMissing = preview.error instanceof ApiError && preview.error.status === 404;

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Badge size="lg" variant="light">
          {t('policy.version', { version: current.data.version })}
        </Badge>
        <Text size="sm">{dirty ? t('policy.unsaved') : t('policy.noChanges')}</Text>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <PolicyForm document={draft} onChange={change} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div style={{ position: 'sticky', top: 72 }}>
            <JsonField
              label={t('policy.json')}
              description={t('policy.jsonHelp')}
              value={draft}
              onChange={(v) => change(v as PolicyDocument)}
              onValidity={setJsonValid}
              minRows={36}
            />
          </div>
        </Grid.Col>
      </Grid>

      {publish.isError && <FieldErrors error={publish.error} />}
      {preview.isError &&
        (previewMissing ? (
          <Alert color="yellow">{t('preview.unavailable')}</Alert>
        ) : (
          <FieldErrors error={preview.error} />
        ))}

      <Group>
        <Button
          variant="default"
          disabled={!jsonValid}
          loading={preview.isPending}
          onClick={() => preview.mutate(draft)}
        >
          {t('preview.run')}
        </Button>
        <Button disabled={!jsonValid || !dirty} onClick={() => setConfirming(true)}>
          {t('policy.publish')}
        </Button>
        <Button variant="subtle" disabled={!dirty} onClick={() => change(current.data.document)}>
          {t('policy.discard')}
        </Button>
      </Group>

      {preview.data && <PolicyPreviewPanel preview={preview.data} />}

      <ConfirmModal
        opened={confirming}
        title={t('policy.confirmTitle')}
        confirmLabel={t('policy.publish')}
        loading={publish.isPending}
        onConfirm={() => publish.mutate(draft)}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">{t('policy.confirmBody', { version: current.data.version + 1 })}</Text>
      </ConfirmModal>
    </Stack>
  );
}
