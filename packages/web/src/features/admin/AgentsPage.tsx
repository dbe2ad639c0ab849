import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { AddAgentModal, EditAgentModal } from './AgentForms';
import { ErrorAlert, GuardedPage, Loading } from './admin-ui';
import { type AgentView, agentsKey, type TeamView, teamsKey } from './agents';
import { TeamsSection } from './TeamsSection';

const PRESENCE_COLOR = { online: 'green', away: 'yellow', offline: 'gray' } as const;

/** Agents and their routing profiles, and the teams they work in. */
export function AgentsPage() {
  const { t } = useTranslation('admin');
  const [adding, setAdding] = useState(false);
  return (
    <GuardedPage
      title={t('agents.title')}
      permission="helpdesk:manage"
      actions={<Button onClick={() => setAdding(true)}>{t('agents.add')}</Button>}
    >
      <AgentsAndTeams adding={adding} onAdded={() => setAdding(false)} />
    </GuardedPage>
  );
}

function AgentsAndTeams({ adding, onAdded }: { adding: boolean; onAdded: () => void }) {
  const { t } = useTranslation('admin');
  const agents = useQuery({
    queryKey: agentsKey,
    queryFn: () => api<{ items: AgentView[] }>('GET', '/agents'),
  });
  const teams = useQuery({ queryKey: teamsKey, queryFn: () => api<{ items: TeamView[] }>('GET', '/teams') });
  const [editing, setEditing] = useState<AgentView | null>(null);
  const teamList = teams.data?.items ?? [];
  const teamName = (id: string | null) => (id ? (teamList.find((team) => team.id === id)?.name ?? '—') : '—');
  const list = (values: string[], empty: string) => (values.length ? values.join(', ') : empty);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="agents-title">
        <Stack gap="sm">
          <Title order={2} id="agents-title">
            {t('agents.listTitle')}
          </Title>
          {agents.isPending ? (
            <Loading />
          ) : agents.isError ? (
            <ErrorAlert error={agents.error} onRetry={() => agents.refetch()} />
          ) : agents.data.items.length === 0 ? (
            <Text>{t('agents.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table striped withTableBorder verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('agents.name')}</Table.Th>
                    <Table.Th scope="col">{t('agents.role')}</Table.Th>
                    <Table.Th scope="col">{t('agents.team')}</Table.Th>
                    <Table.Th scope="col">{t('agents.languages')}</Table.Th>
                    <Table.Th scope="col">{t('agents.skills')}</Table.Th>
                    <Table.Th scope="col">{t('agents.channels')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('agents.load')}
                    </Table.Th>
                    <Table.Th scope="col">{t('agents.presence')}</Table.Th>
                    <Table.Th scope="col">{t('actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {agents.data.items.map((agent) => (
                    <Table.Tr key={agent.id}>
                      <Table.Th scope="row" fw={500}>
                        <Text fw={600} size="sm">
                          {agent.name}
                          {agent.isLead && (
                            <Badge ml="xs" size="xs" variant="light">
                              {t('agents.lead')}
                            </Badge>
                          )}
                        </Text>
                        <Text size="xs">{agent.email}</Text>
                        {!agent.active && (
                          <Badge size="xs" color="red" variant="light">
                            {t('agents.inactive')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td>{t(`roles.${agent.role}`, { defaultValue: agent.role })}</Table.Td>
                      <Table.Td>{teamName(agent.teamId)}</Table.Td>
                      <Table.Td>{list(agent.languages, t('agents.any'))}</Table.Td>
                      <Table.Td>{list(agent.skills, t('agents.all'))}</Table.Td>
                      <Table.Td>
                        {list(
                          agent.channels.map((c) => t(`channels.${c}`)),
                          t('agents.all'),
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {t('agents.loadValue', { open: agent.openCases, capacity: agent.capacity })}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={PRESENCE_COLOR[agent.presence]} c="dark">
                          {t(`presence.${agent.presence}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('agents.editNamed', { name: agent.name })}
                          onClick={() => setEditing(agent)}
                        >
                          {t('edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      {teams.isError ? <ErrorAlert error={teams.error} /> : <TeamsSection teams={teamList} />}
      <EditAgentModal agent={editing} teams={teamList} onClose={() => setEditing(null)} />
      <AddAgentModal opened={adding} teams={teamList} onClose={onAdded} />
    </Stack>
  );
}
