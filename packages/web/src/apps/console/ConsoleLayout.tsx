import { AppShell, Burger, Button, Center, Group, Loader, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoginPage } from '../../features/inbox/LoginPage';
import { api } from '../../ui/api';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { allows, meQueryKey, useMe } from './session';

const NAV = [
  { to: '/', label: 'nav.inbox', permission: 'cases:read' },
  { to: '/dashboards', label: 'nav.dashboards', permission: 'measures:read' },
  { to: '/admin/policy', label: 'nav.policy', permission: 'policies:write' },
  { to: '/admin/service-levels', label: 'nav.serviceLevels', permission: 'helpdesk:manage' },
  { to: '/admin/agents', label: 'nav.agents', permission: 'helpdesk:manage' },
  { to: '/admin/templates', label: 'nav.templates', permission: 'helpdesk:manage' },
  { to: '/admin/api-keys', label: 'nav.apiKeys', permission: 'users:manage' },
] as const;

/** The console's frame: the login until there is a session, then navigation and the page. */
export function ConsoleLayout() {
  const { t } = useTranslation(['console', 'common']);
  const me = useMe();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  const path = useRouterState({ select: (s) => s.location.pathname });

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  if (!me.data) return <LoginPage />;

  const logout = async () => {
    await api('POST', '/auth/logout');
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700}>Afterdesk</Text>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <Text size="sm" visibleFrom="sm">
              {me.data.name} · {me.data.role}
            </Text>
            <LanguageSwitcher />
            <Button variant="default" size="xs" onClick={logout}>
              {t('common:logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.menu')}>
        <ScrollArea>
          {NAV.filter((item) => allows(me.data, item.permission)).map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={
                item.to === '/'
                  ? path === '/console' || path === '/console/'
                  : path.startsWith(`/console${item.to}`)
              }
              onClick={close}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
