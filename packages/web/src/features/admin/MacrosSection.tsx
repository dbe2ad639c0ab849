import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { formatDate } from '../../ui/format';
import { ConfirmModal, ErrorAlert, FieldErrors, Loading } from './admin-ui';
import { type MacroDraft, MacroForm, type MacroView } from './MacroForm';

const macrosKey = ['macros'] as const;

/** Macros (standard replies), filterable by the languages they are written in. */
export function MacrosSection() {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const macros = useQuery({
    queryKey: macrosKey,
    queryFn: () => api<{ items: MacroView[] }>('GET', '/macros'),
  });
  const [language, setLanguage] = useState<string | null>(null);
  const [editing, setEditing] = useState<MacroView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MacroView | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: macrosKey });
  const save = useMutation({
    mutationFn: ({ id, draft }: { id?: string; draft: MacroDraft }) =>
      id ? api('PUT', `/macros/${id}`, { body: draft }) : api('POST', '/macros', { body: draft }),
    onSuccess: () => {
      setEditing(null);
      notifications.show({ color: 'green', message: t('macros.saved') });
      return invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/macros/${id}`),
    onSuccess: () => {
      setDeleting(null);
      return invalidate();
    },
  });
  const items = macros.data?.items ?? [];
  const languages = [...new Set(items.flatMap((m) => Object.keys(m.variants)))].sort();
  const shown = language ? items.filter((m) => language in m.variants) : items;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="macros-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} id="macros-title">
            {t('macros.title')}
          </Title>
          <Button onClick={() => setEditing('new')}>{t('macros.add')}</Button>
        </Group>
        <Text size="sm">{t('macros.help')}</Text>
        {macros.isPending ? (
          <Loading />
        ) : macros.isError ? (
          <ErrorAlert error={macros.error} onRetry={() => macros.refetch()} />
        ) : items.length === 0 ? (
          <Text>{t('macros.none')}</Text>
        ) : (
          <>
            <Select
              label={t('macros.filterLanguage')}
              data={languages}
              value={language}
              onChange={setLanguage}
              clearable
              placeholder={t('macros.allLanguages')}
              w={240}
            />
            <Table.ScrollContainer minWidth={640}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('macros.name')}</Table.Th>
                    <Table.Th scope="col">{t('macros.category')}</Table.Th>
                    <Table.Th scope="col">{t('macros.languages')}</Table.Th>
                    <Table.Th scope="col">{t('macros.updated')}</Table.Th>
                    <Table.Th scope="col">{t('actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Th scope="row" fw={500}>
                        {m.name}
                      </Table.Th>
                      <Table.Td>{m.category ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {Object.keys(m.variants).map((l) => (
                            <Badge key={l} variant="light" size="sm">
                              {l}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatDate(m.updatedAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('macros.editNamed', { name: m.name })}
                            onClick={() => setEditing(m)}
                          >
                            {t('edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('macros.deleteNamed', { name: m.name })}
                            onClick={() => setDeleting(m)}
                          >
                            {t('delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => {
          setEditing(null);
          save.reset();
        }}
        title={editing === 'new' ? t('macros.add') : t('macros.edit')}
        size="xl"
      >
        {editing !== null && (
          <Stack>
            {save.isError && <FieldErrors error={save.error} />}
            <MacroForm
              initial={
                editing === 'new'
                  ? { name: '', category: null, variants: { [i18n.language]: { body: '' } } }
                  : { name: editing.name, category: editing.category, variants: editing.variants }
              }
              saving={save.isPending}
              onSave={(draft) => save.mutate({ id: editing === 'new' ? undefined : editing.id, draft })}
              onCancel={() => setEditing(null)}
            />
          </Stack>
        )}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('macros.deleteTitle')}
        confirmLabel={t('delete')}
        danger
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      >
        <Text size="sm">{t('macros.deleteBody', { name: deleting?.name ?? '' })}</Text>
      </ConfirmModal>
    </Paper>
  );
}
