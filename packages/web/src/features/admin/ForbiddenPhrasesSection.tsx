import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { ErrorAlert, FieldErrors, Loading } from './admin-ui';

interface Phrase {
  phrase: string;
  language: string;
  severity: 'block' | 'warn';
  suggestion?: string;
}
const phrasesKey = ['settings', 'forbidden-phrases'] as const;

/** Words agents must not write: the whole list is edited here and saved at once. */
export function ForbiddenPhrasesSection() {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const stored = useQuery({
    queryKey: phrasesKey,
    queryFn: () => api<{ phrases: Phrase[]; isDefault: boolean }>('GET', '/settings/forbidden-phrases'),
  });
  const [rows, setRows] = useState<Phrase[] | null>(null);
  useEffect(() => {
    if (stored.data && rows === null) setRows(stored.data.phrases);
  }, [stored.data, rows]);
  const save = useMutation({
    mutationFn: (phrases: Phrase[]) =>
      api<{ phrases: Phrase[] }>('PUT', '/settings/forbidden-phrases', {
        body: {
          phrases: phrases.map(({ suggestion, ...p }) => ({
            ...p,
            phrase: p.phrase.trim(),
            ...(suggestion?.trim() ? { suggestion: suggestion.trim() } : {}),
          })),
        },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(phrasesKey, { phrases: saved.phrases, isDefault: false });
      setRows(saved.phrases);
      notifications.show({ color: 'green', message: t('phrases.saved') });
    },
  });
  const update = (index: number, change: Partial<Phrase>) =>
    setRows((rows ?? []).map((r, i) => (i === index ? { ...r, ...change } : r)));
  const severities = [
    { value: 'block', label: t('phrases.block') },
    { value: 'warn', label: t('phrases.warn') },
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="phrases-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} id="phrases-title">
            {t('phrases.title')}
          </Title>
          {stored.data?.isDefault && <Badge variant="light">{t('phrases.isDefault')}</Badge>}
        </Group>
        <Text size="sm">{t('phrases.help')}</Text>
        {stored.isPending ? (
          <Loading />
        ) : stored.isError ? (
          <ErrorAlert error={stored.error} onRetry={() => stored.refetch()} />
        ) : rows ? (
          <>
            <Table.ScrollContainer minWidth={820}>
              <Table withTableBorder verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('phrases.phrase')}</Table.Th>
                    <Table.Th scope="col">{t('phrases.language')}</Table.Th>
                    <Table.Th scope="col">{t('phrases.severity')}</Table.Th>
                    <Table.Th scope="col">{t('phrases.suggestion')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: phrases have no id and rows are edited in place
                    <Table.Tr key={index}>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          aria-label={t('phrases.phraseN', { n: index + 1 })}
                          value={row.phrase}
                          onChange={(e) => update(index, { phrase: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td w={110}>
                        <TextInput
                          size="xs"
                          aria-label={t('phrases.languageN', { n: index + 1 })}
                          value={row.language}
                          onChange={(e) => update(index, { language: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td w={130}>
                        <Select
                          size="xs"
                          aria-label={t('phrases.severityN', { n: index + 1 })}
                          data={severities}
                          allowDeselect={false}
                          value={row.severity}
                          onChange={(v) => v && update(index, { severity: v as Phrase['severity'] })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          aria-label={t('phrases.suggestionN', { n: index + 1 })}
                          value={row.suggestion ?? ''}
                          onChange={(e) => update(index, { suggestion: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td w={50}>
                        <ActionIcon
                          variant="default"
                          aria-label={t('phrases.remove', { phrase: row.phrase || index + 1 })}
                          onClick={() => setRows(rows.filter((_, i) => i !== index))}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {save.isError && <FieldErrors error={save.error} />}
            <Group>
              <Button
                variant="default"
                onClick={() => setRows([...rows, { phrase: '', language: '*', severity: 'warn' }])}
              >
                {t('phrases.add')}
              </Button>
              <Button loading={save.isPending} onClick={() => save.mutate(rows)}>
                {t('phrases.save')}
              </Button>
              <Button variant="subtle" onClick={() => setRows(stored.data.phrases)}>
                {t('policy.discard')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
