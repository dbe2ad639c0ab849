import { Alert, Button, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../apps/console/session';
import { errorMessage } from '../../ui/api';
import { ShortcutsHelp, useAgents, useNow, useShortcuts } from '../case';
import { BulkBar } from './BulkBar';
import { CaseRow } from './CaseRow';
import { InboxFiltersBar } from './InboxFiltersBar';
import { type InboxFilters, readFilters } from './inbox-filters';
import { SavedViews } from './SavedViews';
import { useCaseList, useLiveCaseList } from './use-case-list';

/** Every open case across channels, the most at-risk service level first. */
export function InboxPage() {
  const { t } = useTranslation('console');
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const filters = useMemo(() => readFilters(search), [search]);
  const navigate = useNavigate();
  const me = useMe().data;
  const agents = useAgents().data;
  const now = useNow();
  const list = useCaseList(filters);
  useLiveCaseList();

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState(-1);
  const [help, { open: openHelp, close: closeHelp }] = useDisclosure(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const rowRefs = useRef<(HTMLAnchorElement | null)[]>([]);

  const cases = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const chosen = cases.filter((c) => selected.has(c.id));
  const allShown = cases.length > 0 && chosen.length === cases.length;

  const setFilters = (next: InboxFilters) => {
    setSelected(new Set());
    setFocus(-1);
    void navigate({ to: '/', search: readFilters(next as Record<string, unknown>) });
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const moveFocus = (step: number) => {
    if (cases.length === 0) return;
    const index = Math.min(cases.length - 1, Math.max(0, focus + step));
    setFocus(index);
    rowRefs.current[index]?.focus();
  };
  const focused = cases[focus];

  useShortcuts({
    j: () => moveFocus(1),
    k: () => moveFocus(-1),
    o: () => focused && void navigate({ to: '/cases/$caseId', params: { caseId: focused.id } }),
    Enter: (e) => {
      // A focused link opens itself; Enter elsewhere opens the row the focus marker is on.
      if (e.target instanceof HTMLAnchorElement || !focused) return;
      void navigate({ to: '/cases/$caseId', params: { caseId: focused.id } });
    },
    x: () => focused && toggle(focused.id),
    '/': (e) => {
      e.preventDefault();
      searchRef.current?.focus();
    },
    '?': openHelp,
  });

  const assigneeName = (id: string | null) =>
    id === null
      ? t('inbox.unassigned')
      : id === me?.id
        ? t('inbox.assignedToMe')
        : (agents?.get(id)?.name ?? t('inbox.assigned'));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('inbox.title')}</Title>
        <Button
          variant="subtle"
          size="xs"
          onClick={openHelp}
          aria-keyshortcuts="?"
          data-testid="shortcuts-help"
        >
          {t('shortcuts.open')}
        </Button>
      </Group>
      <SavedViews filters={filters} onPick={setFilters} />
      <InboxFiltersBar filters={filters} onChange={setFilters} searchRef={searchRef} />
      <BulkBar selected={chosen} me={me} onDone={() => setSelected(new Set())} />

      <section aria-labelledby="inbox-cases">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="inbox-cases">
            {t('inbox.cases')}
          </Title>
          <Checkbox
            label={t('inbox.selectAll')}
            checked={allShown}
            indeterminate={chosen.length > 0 && !allShown}
            disabled={cases.length === 0}
            onChange={() => setSelected(allShown ? new Set() : new Set(cases.map((c) => c.id)))}
            data-testid="select-all"
          />
        </Group>
        {list.isPending && <Loader aria-label={t('common:loading')} />}
        {list.isError && (
          <Alert color="red" role="alert" title={t('common:error')}>
            {errorMessage(list.error)}
          </Alert>
        )}
        {list.isSuccess && cases.length === 0 && <Text>{t('inbox.empty')}</Text>}
        <Stack gap={6} data-testid="case-list">
          {cases.map((item, index) => (
            <CaseRow
              key={item.id}
              item={item}
              now={now}
              selected={selected.has(item.id)}
              focused={index === focus}
              assignee={assigneeName(item.assigneeId)}
              onToggle={() => toggle(item.id)}
              onFocus={() => setFocus(index)}
              linkRef={(el) => {
                rowRefs.current[index] = el;
              }}
            />
          ))}
        </Stack>
        {list.hasNextPage && (
          <Button
            mt="sm"
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
            data-testid="load-more"
          >
            {t('inbox.loadMore')}
          </Button>
        )}
      </section>
      <ShortcutsHelp
        opened={help}
        onClose={closeHelp}
        keys={[
          { keys: ['j', 'k'], label: t('shortcuts.move') },
          { keys: ['Enter', 'o'], label: t('shortcuts.open_case') },
          { keys: ['x'], label: t('shortcuts.select') },
          { keys: ['/'], label: t('shortcuts.search') },
          { keys: ['?'], label: t('shortcuts.help') },
        ]}
      />
    </Stack>
  );
}
