import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { FieldErrors } from './admin-ui';
import {
  type AgentProfilePatch,
  type AgentView,
  agentsKey,
  CHANNELS,
  PRESENCES,
  ROLES,
  type TeamView,
  teamsKey,
} from './agents';

function teamOptions(teams: TeamView[], noTeam: string) {
  return [{ value: '', label: noTeam }, ...teams.map((team) => ({ value: team.id, label: team.name }))];
}

/** An agent's routing profile: team, lead, languages, skills, channels, capacity, presence. */
export function EditAgentModal({
  agent,
  teams,
  onClose,
}: {
  agent: AgentView | null;
  teams: TeamView[];
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <Modal
      opened={agent !== null}
      onClose={onClose}
      title={t('agents.editTitle', { name: agent?.name ?? '' })}
      size="lg"
    >
      {agent && <EditAgentForm key={agent.id} agent={agent} teams={teams} onClose={onClose} />}
    </Modal>
  );
}

function EditAgentForm({
  agent,
  teams,
  onClose,
}: {
  agent: AgentView;
  teams: TeamView[];
  onClose: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [patch, setPatch] = useState<AgentProfilePatch>({});
  const value = { ...agent, ...patch };
  const save = useMutation({
    mutationFn: () => api<AgentView>('PATCH', `/agents/${agent.id}`, { body: patch }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('agents.saved', { name: agent.name }) });
      onClose();
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: agentsKey }),
        queryClient.invalidateQueries({ queryKey: teamsKey }),
      ]);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {save.isError && <FieldErrors error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('agents.team')}
            data={teamOptions(teams, t('agents.noTeam'))}
            allowDeselect={false}
            value={value.teamId ?? ''}
            onChange={(v) => setPatch({ ...patch, teamId: v || null })}
          />
          <Select
            label={t('agents.presence')}
            data={PRESENCES.map((p) => ({ value: p, label: t(`presence.${p}`) }))}
            allowDeselect={false}
            value={value.presence}
            onChange={(v) => v && setPatch({ ...patch, presence: v as AgentView['presence'] })}
          />
        </SimpleGrid>
        <Switch
          label={t('agents.isLead')}
          checked={value.isLead}
          onChange={(e) => setPatch({ ...patch, isLead: e.currentTarget.checked })}
        />
        <TagsInput
          label={t('agents.languages')}
          description={t('agents.languagesHelp')}
          value={value.languages}
          onChange={(v) => setPatch({ ...patch, languages: v })}
        />
        <TagsInput
          label={t('agents.skills')}
          description={t('agents.skillsHelp')}
          value={value.skills}
          onChange={(v) => setPatch({ ...patch, skills: v })}
        />
        <MultiSelect
          label={t('agents.channels')}
          description={t('agents.channelsHelp')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
          value={value.channels}
          onChange={(v) => setPatch({ ...patch, channels: v as AgentView['channels'] })}
        />
        <NumberInput
          label={t('agents.capacity')}
          description={t('agents.capacityHelp')}
          min={0}
          max={1000}
          allowDecimal={false}
          value={value.capacity}
          onChange={(v) => setPatch({ ...patch, capacity: Number(v) })}
          w={200}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" disabled={Object.keys(patch).length === 0} loading={save.isPending}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new staff account with its role and, optionally, its routing profile. */
export function AddAgentModal({
  opened,
  teams,
  onClose,
}: {
  opened: boolean;
  teams: TeamView[];
  onClose: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const empty = {
    email: '',
    name: '',
    role: 'agent',
    password: '',
    teamId: '',
    languages: [] as string[],
    skills: [] as string[],
  };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: () =>
      api<AgentView>('POST', '/agents', {
        body: {
          email: form.email.trim(),
          name: form.name.trim(),
          role: form.role,
          password: form.password,
          ...(form.teamId ? { teamId: form.teamId } : {}),
          ...(form.languages.length ? { languages: form.languages } : {}),
          ...(form.skills.length ? { skills: form.skills } : {}),
        },
      }),
    onSuccess: (agent) => {
      notifications.show({ color: 'green', message: t('agents.created', { name: agent.name ?? form.name }) });
      setForm(empty);
      onClose();
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: agentsKey }),
        queryClient.invalidateQueries({ queryKey: teamsKey }),
      ]);
    },
  });
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('agents.addTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          {create.isError && <FieldErrors error={create.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('agents.name')}
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            />
            <TextInput
              label={t('agents.email')}
              type="email"
              required
              autoComplete="off"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            />
            <Select
              label={t('agents.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              allowDeselect={false}
              value={form.role}
              onChange={(v) => v && setForm({ ...form, role: v })}
            />
            <Select
              label={t('agents.team')}
              data={teamOptions(teams, t('agents.noTeam'))}
              allowDeselect={false}
              value={form.teamId}
              onChange={(v) => setForm({ ...form, teamId: v ?? '' })}
            />
          </SimpleGrid>
          <PasswordInput
            label={t('agents.password')}
            description={t('agents.passwordHelp')}
            required
            minLength={12}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <TagsInput
            label={t('agents.languages')}
            description={t('agents.languagesHelp')}
            value={form.languages}
            onChange={(v) => setForm({ ...form, languages: v })}
          />
          <TagsInput
            label={t('agents.skills')}
            description={t('agents.skillsHelp')}
            value={form.skills}
            onChange={(v) => setForm({ ...form, skills: v })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={form.password.length < 12}>
              {t('agents.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
