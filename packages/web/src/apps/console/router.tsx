import type { QueryClient } from '@tanstack/react-query';
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { CasePage } from '../../features/case/CasePage';
import { InboxPage } from '../../features/inbox/InboxPage';
import { ConsoleLayout } from './ConsoleLayout';

// The console lives under /console; the server answers every path below it with the
// console's page. Admin pages and dashboards load on demand (ECharts is large).
export function createConsoleRouter(queryClient: QueryClient) {
  const root = createRootRoute({ component: ConsoleLayout });
  const page = (path: string, component: Parameters<typeof createRoute>[0]['component']) =>
    createRoute({ getParentRoute: () => root, path, component });
  const routes = [
    page('/', InboxPage),
    page('/cases/$caseId', CasePage),
    page(
      '/dashboards',
      lazyRouteComponent(() => import('../../features/dashboards/DashboardsPage'), 'DashboardsPage'),
    ),
    page(
      '/admin/policy',
      lazyRouteComponent(() => import('../../features/admin/PolicyPage'), 'PolicyPage'),
    ),
    page(
      '/admin/service-levels',
      lazyRouteComponent(() => import('../../features/admin/ServiceLevelsPage'), 'ServiceLevelsPage'),
    ),
    page(
      '/admin/agents',
      lazyRouteComponent(() => import('../../features/admin/AgentsPage'), 'AgentsPage'),
    ),
    page(
      '/admin/templates',
      lazyRouteComponent(() => import('../../features/admin/TemplatesPage'), 'TemplatesPage'),
    ),
    page(
      '/admin/api-keys',
      lazyRouteComponent(() => import('../../features/admin/ApiKeysPage'), 'ApiKeysPage'),
    ),
  ];
  return createRouter({
    routeTree: root.addChildren(routes),
    basepath: '/console',
    context: { queryClient },
  });
}
