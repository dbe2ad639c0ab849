import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../ui/api';
import { type InboxFilters, readFilters, sameFilters } from './inbox-filters';

interface SavedView {
  id: string;
  name: string;
  filters: Record<string, string>;
}

const viewsKey = ['saved-views'] as const;

/** The agent's own named filter sets: pick one, save the current filters, delete the one shown. */
export function SavedViews({
  filters,
  onPick,
}: {
  filters: InboxFilters;
  onPick: (filters: InboxFilters) => void;
}) {
  const { t } = useTranslation('console');
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const views = useQuery({
    queryKey: viewsKey,
    queryFn: ({ signal }) => api<{ items: SavedView[] } | SavedView[]>('GET', '/saved-views', { signal }),
    select: (data) => (Array.isArray(data) ? data : data.items),
    retry: false,
  });
  const current = views.data?.find((v) => sameFilters(readFilters(v.filters), filters));
  const save = useMutation({
    mutationFn: () =>
      api<SavedView>('POST', '/saved-views', {
        body: {
          name: name.trim(),
          filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
        },
      }),
    onSuccess: () => {
      setName('');
      close();
      void queryClient.invalidateQueries({ queryKey: viewsKey });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/saved-views/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label={t('views.label')}
        data-testid="saved-view-select"
        value={current?.id ?? ''}
        disabled={views.isError}
        onChange={(e) => {
          const view = views.data?.find((v) => v.id === e.currentTarget.value);
          onPick(view ? readFilters(view.filters) : {});
        }}
        data={[
          { value: '', label: current ? t('views.none') : t('views.choose') },
          ...(views.data ?? []).map((v) => ({ value: v.id, label: v.name })),
        ]}
        w={{ base: '100%', xs: 220 }}
      />
      <Button variant="default" onClick={open} data-testid="saved-view-save" disabled={views.isError}>
        {t('views.save')}
      </Button>
      {current && (
        <Button
          variant="default"
          color="red"
          loading={remove.isPending}
          onClick={() => remove.mutate(current.id)}
          data-testid="saved-view-delete"
        >
          {t('views.delete', { name: current.name })}
        </Button>
      )}
      {views.isError && (
        <Text size="sm" c="red.9" role="status">
          {t('views.unavailable')}
        </Text>
      )}
      {remove.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(remove.error)}
        </Text>
      )}
      <Modal opened={opened} onClose={close} title={t('views.saveTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <Stack>
            <TextInput
              label={t('views.name')}
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-autofocus
              data-testid="saved-view-name"
            />
            {save.isError && (
              <Text c="red.9" size="sm" role="alert">
                {errorMessage(save.error)}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('views.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
