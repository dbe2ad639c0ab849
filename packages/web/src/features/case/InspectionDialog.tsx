import { Alert, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from './case-api';

export interface InspectionItem {
  caseItemId: string;
  result: 'passed' | 'failed';
  disposition: 'restock' | 'refurbish' | 'dispose';
  notes?: string;
}

/** The warehouse's finding per item (POST /cases/:id/inspections): passed or failed, and where it goes. */
export function InspectionDialog({
  caseView,
  initial,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  caseView: CaseView;
  initial: 'passed' | 'failed';
  pending: boolean;
  error: string | null;
  onSubmit: (items: InspectionItem[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('console');
  const [items, setItems] = useState<InspectionItem[]>(() =>
    caseView.items.map((item) => ({
      caseItemId: item.id,
      result: initial,
      disposition: initial === 'passed' ? 'restock' : 'dispose',
    })),
  );
  const update = (index: number, patch: Partial<InspectionItem>) =>
    setItems((all) => all.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Modal opened onClose={onClose} title={t('inspection.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(
            items.map((i) =>
              i.notes?.trim() ? { ...i, notes: i.notes.trim() } : { ...i, notes: undefined },
            ),
          );
        }}
      >
        <Stack>
          {caseView.items.map((caseItem, index) => {
            const item = items[index];
            if (!item) return null;
            return (
              <Paper key={caseItem.id} withBorder p="sm">
                <Text fw={600} mb="xs">
                  {t('inspection.item', { sku: caseItem.sku, quantity: caseItem.quantity })}
                </Text>
                <Group grow align="flex-start">
                  <NativeSelect
                    label={t('inspection.result')}
                    value={item.result}
                    data-testid={`inspection-result-${index}`}
                    onChange={(e) =>
                      update(index, { result: e.currentTarget.value as InspectionItem['result'] })
                    }
                    data={[
                      { value: 'passed', label: t('inspection.passed') },
                      { value: 'failed', label: t('inspection.failed') },
                    ]}
                  />
                  <NativeSelect
                    label={t('inspection.disposition')}
                    value={item.disposition}
                    onChange={(e) =>
                      update(index, { disposition: e.currentTarget.value as InspectionItem['disposition'] })
                    }
                    data={['restock', 'refurbish', 'dispose'].map((d) => ({
                      value: d,
                      label: t(`inspection.${d}`),
                    }))}
                  />
                </Group>
                <TextInput
                  mt="xs"
                  label={t('inspection.notes')}
                  value={item.notes ?? ''}
                  onChange={(e) => update(index, { notes: e.currentTarget.value })}
                />
              </Paper>
            );
          })}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid="inspection-submit">
              {t('inspection.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
