import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '../../ui/format';
import type { CurrencyAmounts } from './policy-document';

function digitsOf(currency: string): number {
  try {
    return minorDigits(currency);
  } catch {
    return 2;
  }
}

/**
 * An amount per currency (ISO 4217 → minor units), typed in major units: "6.95 EUR" is
 * stored as 695, "1200 JPY" as 1200. A missing currency means "not set" in the policy.
 */
export function CurrencyAmountsField({
  legend,
  description,
  value = {},
  onChange,
}: {
  legend: string;
  description?: string;
  value?: CurrencyAmounts;
  onChange: (value: CurrencyAmounts) => void;
}) {
  const { t } = useTranslation('admin');
  const entries = Object.entries(value);
  const rename = (from: string, to: string) =>
    onChange(Object.fromEntries(entries.map(([c, a]) => (c === from ? [to.toUpperCase(), a] : [c, a]))));
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="xs">
        {description && <Text size="sm">{description}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="xs" verticalSpacing="xs">
          {entries.map(([currency, amountMinor], index) => {
            const digits = digitsOf(currency);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row keeps its place while its code is typed
              <Group key={index} gap={4} wrap="nowrap">
                <TextInput
                  aria-label={t('currency.code')}
                  w={64}
                  maxLength={3}
                  value={currency}
                  onChange={(e) => rename(currency, e.currentTarget.value)}
                />
                <NumberInput
                  aria-label={t('currency.amount', { currency })}
                  min={0}
                  decimalScale={digits}
                  fixedDecimalScale
                  hideControls
                  value={amountMinor / 10 ** digits}
                  onChange={(v) =>
                    onChange({ ...value, [currency]: Math.round(Number(v || 0) * 10 ** digits) })
                  }
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('currency.remove', { currency })}
                  onClick={() => onChange(Object.fromEntries(entries.filter(([c]) => c !== currency)))}
                >
                  ×
                </ActionIcon>
              </Group>
            );
          })}
        </SimpleGrid>
        <Group>
          <Button
            size="xs"
            variant="default"
            disabled={'' in value}
            onClick={() => onChange({ ...value, '': 0 })}
          >
            {t('currency.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
