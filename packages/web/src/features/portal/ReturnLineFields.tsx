import { Card, Checkbox, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../ui/format';
import { lineVariant } from './line-variant';
import { type Photo, PhotoUpload } from './PhotoUpload';
import type { OrderLine, ReturnReason } from './portal-api';
import { CONDITIONS } from './return-reasons';

export interface ItemDraft {
  selected: boolean;
  quantity: number;
  reasonCode: string;
  conditions: string[];
  photos: Photo[];
}

interface Props {
  line: OrderLine;
  currency: string;
  draft: ItemDraft;
  reasons: ReturnReason[];
  onChange: (change: Partial<ItemDraft>) => void;
  /** Messages by field (quantity, reasonCode, conditions, evidenceIds, description). */
  errors: Record<string, string>;
}

/** One order line in the return form: whether it goes back, how many, why, in what state, with photos. */
export function ReturnLineFields({ line, currency, draft, reasons, onChange, errors }: Props) {
  const { t, i18n } = useTranslation('portal');
  const id = useId();
  const reason = reasons.find((r) => r.code === draft.reasonCode);
  const required = new Set(reason?.requiredConditions ?? []);
  const variant = lineVariant(line);
  return (
    <Card withBorder padding="sm" data-testid={`return-line-${line.sku}`}>
      <Stack gap="sm">
        <Checkbox
          size="md"
          checked={draft.selected}
          onChange={(e) => onChange({ selected: e.currentTarget.checked })}
          label={<Text fw={600}>{t('return.selectLine', { title: line.title })}</Text>}
          description={[
            variant,
            t('order.quantity', { count: line.quantity }),
            formatMoney(line.unitPriceMinor, currency, i18n.language),
          ]
            .filter(Boolean)
            .join(' · ')}
          data-testid="return-line-select"
        />
        {draft.selected && (
          <Stack gap="sm" pl={{ base: 0, xs: 'xl' }}>
            <NativeSelect
              label={t('return.quantity')}
              value={String(draft.quantity)}
              onChange={(e) => onChange({ quantity: Number(e.currentTarget.value) })}
              data={Array.from({ length: line.quantity }, (_, i) => String(i + 1))}
              error={errors.quantity}
              data-testid="return-quantity"
            />
            <NativeSelect
              label={t('return.reason')}
              required
              value={draft.reasonCode}
              onChange={(e) => onChange({ reasonCode: e.currentTarget.value })}
              data={[
                { value: '', label: t('return.chooseReason'), disabled: true },
                ...reasons.map((r) => ({ value: r.code, label: r.label })),
              ]}
              error={errors.reasonCode}
              data-testid="return-reason"
            />
            <fieldset
              style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
              aria-describedby={`${id}-hint`}
            >
              <Text component="legend" size="sm" fw={500} mb={4}>
                {t('return.conditions')}
              </Text>
              <Text size="sm" c="dimmed" id={`${id}-hint`} mb="xs">
                {required.size > 0
                  ? t('return.conditionsRequired', {
                      list: [...required].map((c) => t(`condition.${c}`)).join(', '),
                    })
                  : t('return.conditionsHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                {CONDITIONS.map((condition) => (
                  <Checkbox
                    key={condition}
                    label={t(`condition.${condition}`)}
                    checked={draft.conditions.includes(condition)}
                    onChange={(e) =>
                      onChange({
                        conditions: e.currentTarget.checked
                          ? [...draft.conditions, condition]
                          : draft.conditions.filter((c) => c !== condition),
                      })
                    }
                    data-testid={`return-condition-${condition}`}
                  />
                ))}
              </SimpleGrid>
              {errors.conditions && (
                <Text c="red.8" size="sm" mt={4} role="alert">
                  {errors.conditions}
                </Text>
              )}
            </fieldset>
            <PhotoUpload
              photos={draft.photos}
              required={reason?.evidenceRequired ?? false}
              onChange={(photos) => onChange({ photos })}
              error={errors.evidenceIds}
            />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
