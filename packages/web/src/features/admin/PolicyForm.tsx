import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CurrencyAmountsField } from './CurrencyAmountsField';
import { CONDITIONS, type PolicyDocument, RETURN_KINDS, type ShippingRule, setIn } from './policy-document';

/** The main fields of a policy document; everything else is edited as JSON beside it. */
export function PolicyForm({
  document: doc,
  onChange,
}: {
  document: PolicyDocument;
  onChange: (next: PolicyDocument) => void;
}) {
  const { t } = useTranslation('admin');
  const set = (path: string[], value: unknown) => onChange(setIn(doc, path, value));
  const reasonCodes = (doc.reasons ?? []).map((r) => r.code);
  const kindOptions = RETURN_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));

  return (
    <Stack gap="md">
      <Fieldset legend={t('policy.windows')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('policy.returnWindowDays')}
              description={t('policy.returnWindowDaysHelp')}
              min={0}
              max={3650}
              allowDecimal={false}
              value={doc.returnWindowDays ?? ''}
              onChange={(v) => set(['returnWindowDays'], Number(v))}
            />
            <NumberInput
              label={t('policy.shipBackDays')}
              description={t('policy.shipBackDaysHelp')}
              min={1}
              max={365}
              allowDecimal={false}
              value={doc.shipBackDays ?? ''}
              onChange={(v) => set(['shipBackDays'], Number(v))}
            />
          </SimpleGrid>
          <CategoryWindows value={doc.categoryWindows ?? {}} onChange={(v) => set(['categoryWindows'], v)} />
          <TagsInput
            label={t('policy.nonReturnable')}
            description={t('policy.nonReturnableHelp')}
            value={doc.nonReturnableCategories ?? []}
            onChange={(v) => set(['nonReturnableCategories'], v)}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('policy.autoApproval')}>
        <Stack gap="sm">
          <Switch
            label={t('policy.autoApprovalEnabled')}
            checked={doc.autoApproval?.enabled ?? false}
            onChange={(e) => set(['autoApproval', 'enabled'], e.currentTarget.checked)}
          />
          <MultiSelect
            label={t('policy.autoApprovalReasons')}
            data={reasonCodes}
            value={doc.autoApproval?.reasons ?? []}
            onChange={(v) => set(['autoApproval', 'reasons'], v)}
            searchable
          />
          <MultiSelect
            label={t('policy.autoApprovalKinds')}
            data={kindOptions}
            value={doc.autoApproval?.kinds ?? []}
            onChange={(v) => set(['autoApproval', 'kinds'], v)}
          />
          <MultiSelect
            label={t('policy.autoApprovalConditions')}
            data={CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }))}
            value={doc.autoApproval?.requiredConditions ?? []}
            onChange={(v) => set(['autoApproval', 'requiredConditions'], v)}
          />
          <CurrencyAmountsField
            legend={t('policy.maxOrderValue')}
            description={t('policy.maxOrderValueHelp')}
            value={doc.autoApproval?.maxOrderValueMinor}
            onChange={(v) => set(['autoApproval', 'maxOrderValueMinor'], v)}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('policy.shipping')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(['merchant', 'customer'] as const).map((fault) => (
              <ShippingRuleFields
                key={fault}
                legend={t(`policy.fault.${fault}`)}
                rule={doc.shipping?.byFault?.[fault]}
                onChange={(rule) => set(['shipping', 'byFault', fault], rule)}
              />
            ))}
          </SimpleGrid>
          <Switch
            label={t('policy.deductFromRefund')}
            checked={doc.shipping?.deductFromRefund ?? false}
            onChange={(e) => set(['shipping', 'deductFromRefund'], e.currentTarget.checked)}
          />
          <CurrencyAmountsField
            legend={t('policy.customerReturnShipping')}
            value={doc.shipping?.customerReturnShippingMinor}
            onChange={(v) => set(['shipping', 'customerReturnShippingMinor'], v)}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('policy.exchange')}>
        <Switch
          label={t('policy.allowHigherPrice')}
          description={t('policy.allowHigherPriceHelp')}
          checked={doc.exchange?.allowHigherPrice ?? false}
          onChange={(e) => set(['exchange', 'allowHigherPrice'], e.currentTarget.checked)}
        />
      </Fieldset>

      <Fieldset legend={t('policy.returnless')}>
        <Stack gap="sm">
          <Switch
            label={t('policy.returnlessEnabled')}
            description={t('policy.returnlessHelp')}
            checked={doc.returnless?.enabled ?? false}
            onChange={(e) => set(['returnless', 'enabled'], e.currentTarget.checked)}
          />
          <NumberInput
            label={t('policy.maxLabelShare')}
            description={t('policy.maxLabelShareHelp')}
            min={0}
            max={100}
            suffix=" %"
            decimalScale={2}
            value={doc.returnless?.maxLabelShare === undefined ? '' : doc.returnless.maxLabelShare * 100}
            onChange={(v) => set(['returnless', 'maxLabelShare'], Math.round(Number(v) * 100) / 10_000)}
            w={220}
          />
          <CurrencyAmountsField
            legend={t('policy.labelCost')}
            value={doc.returnless?.labelCostMinor}
            onChange={(v) => set(['returnless', 'labelCostMinor'], v)}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}

function ShippingRuleFields({
  legend,
  rule,
  onChange,
}: {
  legend: string;
  rule: ShippingRule | undefined;
  onChange: (rule: ShippingRule) => void;
}) {
  const { t } = useTranslation('admin');
  const current: ShippingRule = rule ?? {
    returnShipping: 'merchant',
    reshipping: 'merchant',
    refundOriginalShipping: false,
  };
  const payers = [
    { value: 'merchant', label: t('policy.payer.merchant') },
    { value: 'customer', label: t('policy.payer.customer') },
  ];
  return (
    <Fieldset legend={legend} variant="filled">
      <Stack gap="xs">
        <Select
          label={t('policy.returnShipping')}
          data={payers}
          allowDeselect={false}
          value={current.returnShipping}
          onChange={(v) =>
            onChange({ ...current, returnShipping: (v ?? 'merchant') as ShippingRule['returnShipping'] })
          }
        />
        <Select
          label={t('policy.reshipping')}
          data={payers}
          allowDeselect={false}
          value={current.reshipping}
          onChange={(v) =>
            onChange({ ...current, reshipping: (v ?? 'merchant') as ShippingRule['reshipping'] })
          }
        />
        <Switch
          label={t('policy.refundOriginalShipping')}
          checked={current.refundOriginalShipping}
          onChange={(e) => onChange({ ...current, refundOriginalShipping: e.currentTarget.checked })}
        />
      </Stack>
    </Fieldset>
  );
}

function CategoryWindows({
  value,
  onChange,
}: {
  value: Record<string, number>;
  onChange: (value: Record<string, number>) => void;
}) {
  const { t } = useTranslation('admin');
  const entries = Object.entries(value);
  return (
    <Fieldset legend={t('policy.categoryWindows')} variant="unstyled">
      <Stack gap="xs">
        {entries.map(([category, days], index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row keeps its place while its name is typed
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('policy.category')}
              value={category}
              onChange={(e) => {
                const name = e.currentTarget.value;
                onChange(Object.fromEntries(entries.map(([c, d]) => (c === category ? [name, d] : [c, d]))));
              }}
            />
            <NumberInput
              label={t('policy.days')}
              min={0}
              max={3650}
              allowDecimal={false}
              w={110}
              value={days}
              onChange={(v) => onChange({ ...value, [category]: Number(v) })}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('policy.removeCategory', { category })}
              onClick={() => onChange(Object.fromEntries(entries.filter(([c]) => c !== category)))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            disabled={'' in value}
            onClick={() => onChange({ ...value, '': 30 })}
          >
            {t('policy.addCategoryWindow')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
