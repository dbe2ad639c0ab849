import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';
import { FieldErrors } from './admin-ui';
import { type TeamView, teamsKey } from './agents';

/** Teams: their names and sizes; add one, rename one in place. */
export function TeamsSection({ teams }: { teams: TeamView[] }) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: teamsKey });
  const create = useMutation({
    mutationFn: () => api<TeamView>('POST', '/teams', { body: { name: name.trim() } }),
    onSuccess: () => {
      setName('');
      return invalidate();
    },
  });
  const rename = useMutation({
    mutationFn: (team: { id: string; name: string }) =>
      api<TeamView>('PATCH', `/teams/${team.id}`, { body: { name: team.name.trim() } }),
    onSuccess: () => {
      setRenaming(null);
      return invalidate();
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="teams-title">
      <Stack gap="sm">
        <Title order={2} id="teams-title">
          {t('teams.title')}
        </Title>
        {(create.isError || rename.isError) && <FieldErrors error={create.error ?? rename.error} />}
        {teams.length === 0 ? (
          <Text size="sm">{t('teams.none')}</Text>
        ) : (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('teams.name')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('teams.members')}
                </Table.Th>
                <Table.Th scope="col">{t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Th scope="row" fw={500}>
                    {renaming?.id === team.id ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          rename.mutate(renaming);
                        }}
                      >
                        <Group gap="xs" wrap="nowrap">
                          <TextInput
                            aria-label={t('teams.newName', { name: team.name })}
                            value={renaming.name}
                            onChange={(e) => setRenaming({ id: team.id, name: e.currentTarget.value })}
                            data-autofocus
                            size="xs"
                          />
                          <Button
                            type="submit"
                            size="xs"
                            loading={rename.isPending}
                            disabled={!renaming.name.trim()}
                          >
                            {t('common:save')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setRenaming(null)}>
                            {t('common:cancel')}
                          </Button>
                        </Group>
                      </form>
                    ) : (
                      team.name
                    )}
                  </Table.Th>
                  <Table.Td ta="right">{team.memberCount}</Table.Td>
                  <Table.Td>
                    {renaming?.id !== team.id && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('teams.renameNamed', { name: team.name })}
                        onClick={() => setRenaming({ id: team.id, name: team.name })}
                      >
                        {t('teams.rename')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) create.mutate();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('teams.newTeam')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={100}
            />
            <Button type="submit" variant="default" loading={create.isPending} disabled={!name.trim()}>
              {t('teams.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
