import { ACTION_PERMISSION } from '@afterdesk/core/permissions';
import { Alert, Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allows, type Me } from '../../apps/console/session';
import { ApiError, api, errorMessage } from '../../ui/api';
import { ActionDialog, type ActionInput } from './ActionDialog';
import { ACTION_FIELDS, ACTION_ORDER } from './action-fields';
import { assignCase, type CasePage, type CaseView, caseKey, postCaseAction, useTeams } from './case-api';
import { InspectionDialog, type InspectionItem } from './InspectionDialog';
import { useShortcuts } from './keyboard';

type Request =
  | { action: string; input?: ActionInput; inspection?: InspectionItem[] }
  | { assign: { assigneeId?: string | null; teamId?: string | null } };

async function perform(view: CaseView, request: Request): Promise<CaseView> {
  if ('assign' in request) return assignCase(view.id, request.assign);
  const { action, input = {}, inspection } = request;
  if (inspection) {
    const result = await api<{ case: CaseView }>('POST', `/cases/${view.id}/inspections`, {
      body: { version: view.version, items: inspection },
    });
    return result.case;
  }
  if (action === 'merge') {
    // Agents know the other case by its number; the API wants its id.
    const found = await api<CasePage>('GET', '/cases', { query: { q: input.mergeInto, limit: 1 } });
    const target = found.items[0];
    if (!target || target.id === view.id) throw new Error(`#${input.mergeInto}?`);
    return api<CaseView>('POST', `/cases/${view.id}/merge`, {
      body: { intoCaseId: target.id, reason: input.reason },
    });
  }
  const { mergeInto: _, ...extra } = input;
  return postCaseAction(view.id, action, view.version, extra);
}

/** The actions the case allows now and the agent's role may take, each with what it needs. */
export function CaseActions({ caseView, me }: { caseView: CaseView; me: Me | null | undefined }) {
  const { t } = useTranslation('console');
  const queryClient = useQueryClient();
  const teams = useTeams();
  const [dialog, setDialog] = useState<string | null>(null);
  const [team, setTeam] = useState('');
  const mutation = useMutation({
    mutationFn: (request: Request) => perform(caseView, request),
    onSuccess: (next) => {
      setDialog(null);
      if (next.id === caseView.id) queryClient.setQueryData(caseKey(caseView.id), next);
      void queryClient.invalidateQueries({ queryKey: caseKey(caseView.id) });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (error) => {
      // Someone else moved the case first: say what happened and show the case as it is now.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: caseKey(caseView.id) });
        notifications.show({ color: 'red', title: t('actions.conflict'), message: errorMessage(error) });
      }
    },
  });

  const allowed = ACTION_ORDER.filter(
    (a) =>
      caseView.allowedActions.includes(a) &&
      allows(me, ACTION_PERMISSION[a as keyof typeof ACTION_PERMISSION] ?? '__none'),
  );
  const start = (action: string) => {
    mutation.reset();
    const fields = ACTION_FIELDS[action];
    if (fields) setDialog(action);
    else mutation.mutate({ action });
  };
  useShortcuts({ a: () => allowed.includes('approve') && !mutation.isPending && start('approve') });

  const fields = dialog ? ACTION_FIELDS[dialog] : undefined;
  const error = mutation.isError ? errorMessage(mutation.error) : null;
  return (
    <section aria-labelledby="case-actions">
      <Stack gap="xs">
        <Title order={2} size="h4" id="case-actions">
          {t('actions.title')}
        </Title>
        {allowed.length === 0 && <div>{t('actions.none')}</div>}
        <Group gap="xs">
          {allowed.map((action) => (
            <Button
              key={action}
              size="sm"
              variant={action === 'approve' || action === 'refund' ? 'filled' : 'default'}
              color={action === 'reject' || action === 'cancel' ? 'red.8' : undefined}
              data-testid={`action-${action.replaceAll('_', '-')}`}
              loading={
                mutation.isPending &&
                mutation.variables &&
                'action' in mutation.variables &&
                mutation.variables.action === action
              }
              disabled={mutation.isPending}
              aria-keyshortcuts={action === 'approve' ? 'a' : undefined}
              onClick={() => start(action)}
            >
              {t(`action.${action}`, { defaultValue: action })}
            </Button>
          ))}
        </Group>
        {error && !dialog && (
          <Alert color="red" role="alert" data-testid="action-error">
            {error}
          </Alert>
        )}
        {allows(me, 'cases:read') && (
          <Group gap="xs" align="flex-end">
            {caseView.assigneeId !== me?.id && me?.id && (
              <Button
                size="xs"
                variant="default"
                data-testid="assign-me"
                onClick={() => mutation.mutate({ assign: { assigneeId: me.id } })}
              >
                {t('actions.assignMe')}
              </Button>
            )}
            {(teams.data?.length ?? 0) > 0 && (
              <>
                <NativeSelect
                  size="xs"
                  label={t('actions.escalateTeam')}
                  value={team}
                  onChange={(e) => setTeam(e.currentTarget.value)}
                  data={[
                    { value: '', label: '—' },
                    ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name })),
                  ]}
                  data-testid="escalate-team"
                />
                <Button
                  size="xs"
                  variant="default"
                  disabled={!team}
                  data-testid="escalate-submit"
                  onClick={() => mutation.mutate({ assign: { teamId: team, assigneeId: null } })}
                >
                  {t('actions.escalate')}
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
      {dialog && fields?.inspection && (
        <InspectionDialog
          caseView={caseView}
          initial={fields.inspection}
          pending={mutation.isPending}
          error={error}
          onSubmit={(items) => mutation.mutate({ action: dialog, inspection: items })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog && fields && !fields.inspection && (
        <ActionDialog
          action={dialog}
          fields={fields}
          caseView={caseView}
          pending={mutation.isPending}
          error={error}
          onSubmit={(input) => mutation.mutate({ action: dialog, input })}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
