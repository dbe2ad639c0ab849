import { Button, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { ConfirmModal, ErrorAlert, FieldErrors, Loading } from './admin-ui';
import { CalendarForm } from './CalendarForm';
import { type CalendarSpec, type CalendarView, DEFAULT_SPEC, periodsText, WEEKDAYS } from './calendar-spec';

interface StoreView {
  id: string;
  code: string;
  name: string;
  country: string;
  timeZone: string;
  calendarId: string | null;
}
const storesKey = ['stores'] as const;
const calendarsKey = ['calendars'] as const;

/** Business calendars (working hours, zone, holidays, closures) and which store runs on which. */
export function CalendarsSection() {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const calendars = useQuery({
    queryKey: calendarsKey,
    queryFn: () => api<{ items: CalendarView[] }>('GET', '/calendars'),
  });
  const [editing, setEditing] = useState<CalendarView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CalendarView | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: calendarsKey });
  const save = useMutation({
    mutationFn: ({ id, name, spec }: { id?: string; name: string; spec: CalendarSpec }) =>
      id
        ? api<CalendarView>('PUT', `/calendars/${id}`, { body: { name, spec } })
        : api<CalendarView>('POST', '/calendars', { body: { name, spec } }),
    onSuccess: () => {
      setEditing(null);
      notifications.show({ color: 'green', message: t('calendars.saved') });
      return invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/calendars/${id}`),
    onSuccess: () => {
      setDeleting(null);
      return invalidate();
    },
  });

  const summary = (spec: CalendarSpec) =>
    WEEKDAYS.filter((d) => (spec.week?.[d] ?? []).length > 0)
      .map((d) => `${t(`weekdaysShort.${d}`)} ${periodsText(spec.week[d])}`)
      .join(' · ') || t('calendars.closed');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendars-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} id="calendars-title">
            {t('calendars.title')}
          </Title>
          <Button onClick={() => setEditing('new')}>{t('calendars.add')}</Button>
        </Group>
        <Text size="sm">{t('calendars.help')}</Text>
        {calendars.isPending ? (
          <Loading />
        ) : calendars.isError ? (
          <ErrorAlert error={calendars.error} onRetry={() => calendars.refetch()} />
        ) : calendars.data.items.length === 0 ? (
          <Text>{t('calendars.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('calendars.name')}</Table.Th>
                  <Table.Th scope="col">{t('calendars.timeZone')}</Table.Th>
                  <Table.Th scope="col">{t('calendars.hours')}</Table.Th>
                  <Table.Th scope="col">{t('calendars.holidays')}</Table.Th>
                  <Table.Th scope="col">{t('calendars.closures')}</Table.Th>
                  <Table.Th scope="col">{t('calendars.stores')}</Table.Th>
                  <Table.Th scope="col">{t('actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calendars.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row">{c.name}</Table.Th>
                    <Table.Td>{c.spec.timeZone}</Table.Td>
                    <Table.Td>{summary(c.spec)}</Table.Td>
                    <Table.Td>
                      {c.spec.holidays
                        ? [c.spec.holidays.country, c.spec.holidays.region].filter(Boolean).join(' / ')
                        : '—'}
                    </Table.Td>
                    <Table.Td>{(c.spec.closures ?? []).length}</Table.Td>
                    <Table.Td>{c.storeIds.length}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(c)}
                          aria-label={t('calendars.editNamed', { name: c.name })}
                        >
                          {t('edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          onClick={() => setDeleting(c)}
                          aria-label={t('calendars.deleteNamed', { name: c.name })}
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
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
        {calendars.data && <StoreCalendars calendars={calendars.data.items} />}
      </Stack>

      <Modal
        opened={editing !== null}
        onClose={() => {
          setEditing(null);
          save.reset();
        }}
        title={editing === 'new' ? t('calendars.add') : t('calendars.edit')}
        size="xl"
      >
        {editing !== null && (
          <Stack>
            {save.isError && <FieldErrors error={save.error} />}
            <CalendarForm
              initialName={editing === 'new' ? '' : editing.name}
              initialSpec={editing === 'new' ? DEFAULT_SPEC : editing.spec}
              saving={save.isPending}
              onSave={(name, spec) =>
                save.mutate({ id: editing === 'new' ? undefined : editing.id, name, spec })
              }
              onCancel={() => setEditing(null)}
            />
          </Stack>
        )}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('calendars.deleteTitle')}
        confirmLabel={t('delete')}
        danger
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      >
        <Text size="sm">{t('calendars.deleteBody', { name: deleting?.name ?? '' })}</Text>
      </ConfirmModal>
    </Paper>
  );
}

/** The calendar each store's service levels run on (GET /stores). */
function StoreCalendars({ calendars }: { calendars: CalendarView[] }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const stores = useQuery({
    queryKey: storesKey,
    queryFn: () => api<{ items: StoreView[] }>('GET', '/stores'),
  });
  const assign = useMutation({
    mutationFn: ({ storeId, calendarId }: { storeId: string; calendarId: string | null }) =>
      api('PUT', `/stores/${storeId}/calendar`, { body: { calendarId } }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('calendars.assigned') });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: calendarsKey }),
        queryClient.invalidateQueries({ queryKey: storesKey }),
      ]);
    },
  });
  const options = [
    { value: '', label: t('calendars.storeDefault') },
    ...calendars.map((c) => ({ value: c.id, label: c.name })),
  ];
  const items = stores.data?.items ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="store-calendars-title">
      <Title order={3} id="store-calendars-title">
        {t('calendars.storesTitle')}
      </Title>
      <Text size="sm">{t('calendars.storesHelp')}</Text>
      {assign.isError && <FieldErrors error={assign.error} />}
      {stores.isError && <FieldErrors error={stores.error} />}
      {stores.isSuccess && items.length === 0 ? (
        <Text size="sm">{t('calendars.noStores')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('calendars.store')}</Table.Th>
              <Table.Th scope="col">{t('calendars.calendar')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((store) => (
              <Table.Tr key={store.id}>
                <Table.Th scope="row" fw={400}>
                  {store.name} ({store.code}, {store.country}, {store.timeZone})
                </Table.Th>
                <Table.Td>
                  <Select
                    aria-label={t('calendars.calendarFor', { store: store.name })}
                    data={options}
                    allowDeselect={false}
                    value={store.calendarId ?? ''}
                    onChange={(v) => assign.mutate({ storeId: store.id, calendarId: v || null })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
