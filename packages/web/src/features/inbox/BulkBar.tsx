import { Alert, Button, Group, List, Modal, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allows, type Me } from '../../apps/console/session';
import type { CaseSummary } from '../case';
import { BULK_ACTIONS, BULK_PERMISSION, type BulkAction, type BulkResult, runBulk } from './bulk-actions';
import { casesKey } from './use-case-list';

/** Actions on every selected case, with a running count and what happened to each. */
export function BulkBar({
  selected,
  me,
  onDone,
}: {
  selected: CaseSummary[];
  me: Me | null | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation('console');
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<BulkAction | null>(null);
  const [results, setResults] = useState<BulkResult[]>([]);
  const [total, setTotal] = useState(0);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');

  const run = async (action: BulkAction, extra: { reason?: string } = {}) => {
    const cases = selected;
    setRunning(action);
    setTotal(cases.length);
    setResults([]);
    await runBulk(action, cases, { ...extra, agentId: me?.id }, (result) =>
      setResults((r) => [...r, result]),
    );
    setRunning(null);
    onDone();
    void queryClient.invalidateQueries({ queryKey: casesKey });
  };

  const failed = results.filter((r) => !r.ok);
  const succeeded = results.filter((r) => r.ok);
  return (
    <Paper withBorder p="sm" aria-label={t('bulk.title')} component="section">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Text fw={600} aria-live="polite">
            {t('bulk.selected', { count: selected.length })}
          </Text>
          {BULK_ACTIONS.filter((a) => allows(me, BULK_PERMISSION[a])).map((action) => (
            <Button
              key={action}
              size="xs"
              variant={action === 'approve' ? 'filled' : 'default'}
              disabled={selected.length === 0 || running !== null}
              loading={running === action}
              data-testid={`bulk-${action}`}
              onClick={() => (action === 'reject' ? setRejecting(true) : void run(action))}
            >
              {t(`bulk.${action}`)}
            </Button>
          ))}
        </Group>
        {total > 0 && (
          <div role="status" aria-live="polite" data-testid="bulk-progress">
            <Text size="sm">
              {t('bulk.progress', { done: results.length, total })}
              {results.length === total &&
                ` — ${t('bulk.summary', { ok: succeeded.length, failed: failed.length })}`}
            </Text>
            <Progress value={(results.length / total) * 100} size="sm" aria-hidden />
          </div>
        )}
        {failed.length > 0 && (
          <Alert color="red" title={t('bulk.failedTitle')} data-testid="bulk-failures">
            <List size="sm">
              {failed.map((r) => (
                <List.Item key={r.caseId}>
                  #{r.number}: {r.error}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {succeeded.length > 0 && results.length === total && (
          <Text size="sm" data-testid="bulk-succeeded">
            {t('bulk.succeeded', { numbers: succeeded.map((r) => `#${r.number}`).join(', ') })}
          </Text>
        )}
      </Stack>
      <Modal
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={t('bulk.rejectTitle', { count: selected.length })}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            setRejecting(false);
            void run('reject', { reason: reason.trim() });
            setReason('');
          }}
        >
          <Stack>
            <Textarea
              label={t('actions.reason')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
              data-testid="bulk-reject-reason"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(false)}>
                {t('common:cancel')}
              </Button>
              <Button type="submit" color="red.8" data-testid="bulk-reject-confirm">
                {t('bulk.reject')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
