import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type FilterKey, type InboxFilters, KINDS, PRIORITIES, STATUSES } from './inbox-filters';

/** A text filter that applies on Enter or when the field is left, not on every key. */
function TextFilter({
  label,
  value,
  onCommit,
  inputRef,
  testId,
  placeholder,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  testId: string;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <TextInput
      label={label}
      value={draft}
      ref={inputRef}
      data-testid={testId}
      placeholder={placeholder}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
      w={{ base: '100%', xs: 180 }}
    />
  );
}

/** The inbox filters; every change goes to the URL, so a filtered inbox can be shared or reloaded. */
export function InboxFiltersBar({
  filters,
  onChange,
  searchRef,
}: {
  filters: InboxFilters;
  onChange: (next: InboxFilters) => void;
  searchRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation('console');
  const set = (key: FilterKey, value: string) => onChange({ ...filters, [key]: value || undefined });
  const select = (key: FilterKey, label: string, options: { value: string; label: string }[]) => {
    const value = filters[key] ?? '';
    // A saved view may hold a value the list does not offer (several statuses): keep it selectable.
    const known = value === '' || options.some((o) => o.value === value);
    return (
      <NativeSelect
        label={label}
        value={value}
        data-testid={`filter-${key}`}
        onChange={(e) => set(key, e.currentTarget.value)}
        data={[
          { value: '', label: t('filters.all') },
          ...options,
          ...(known
            ? []
            : [
                {
                  value,
                  label: value
                    .split(',')
                    .map((s) => t(`status.${s}`, { defaultValue: s }))
                    .join(', '),
                },
              ]),
        ]}
        w={{ base: '100%', xs: 170 }}
      />
    );
  };
  const labelled = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('filters.title')}>
      <TextFilter
        label={t('filters.q')}
        placeholder={t('filters.qPlaceholder')}
        value={filters.q ?? ''}
        onCommit={(v) => set('q', v)}
        inputRef={searchRef}
        testId="filter-q"
      />
      {select('status', t('filters.status'), [
        { value: 'submitted,under_review', label: t('filters.needsReview') },
        ...labelled('status', STATUSES),
      ])}
      {select('kind', t('filters.kind'), labelled('kind', KINDS))}
      {select('channel', t('filters.channel'), labelled('channel', CHANNELS))}
      {select('assignee', t('filters.assignee'), [
        { value: 'me', label: t('filters.assigneeMe') },
        { value: 'none', label: t('filters.assigneeNone') },
      ])}
      {select('priority', t('filters.priority'), labelled('priority', PRIORITIES))}
      <TextFilter
        label={t('filters.reason')}
        value={filters.reason ?? ''}
        onCommit={(v) => set('reason', v)}
        testId="filter-reason"
      />
      <TextFilter
        label={t('filters.sku')}
        value={filters.sku ?? ''}
        onCommit={(v) => set('sku', v)}
        testId="filter-sku"
      />
      <NativeSelect
        label={t('filters.sort')}
        value={filters.sort ?? 'sla'}
        data-testid="filter-sort"
        onChange={(e) => set('sort', e.currentTarget.value === 'sla' ? '' : e.currentTarget.value)}
        data={[
          { value: 'sla', label: t('filters.sortSla') },
          { value: 'newest', label: t('filters.sortNewest') },
        ]}
        w={{ base: '100%', xs: 170 }}
      />
      <Button variant="subtle" onClick={() => onChange({})} data-testid="filters-clear">
        {t('filters.clear')}
      </Button>
    </Group>
  );
}
