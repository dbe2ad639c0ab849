import type { QueryClient } from '@tanstack/react-query';
import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { CaseStatusPage } from '../../features/portal/CaseStatusPage';
import { FindOrderPage } from '../../features/portal/FindOrderPage';
import { OrderPage } from '../../features/portal/OrderPage';
import { SurveyPage } from '../../features/portal/SurveyPage';
import { PortalLayout } from './PortalLayout';

// The portal's pages. The server answers each of these paths with the portal's page
// (packages/server/src/http/web-app.ts): keep the two lists in step.
export function createPortalRouter(queryClient: QueryClient) {
  const root = createRootRoute({
    component: () => (
      <PortalLayout>
        <Outlet />
      </PortalLayout>
    ),
  });
  const routes = [
    createRoute({ getParentRoute: () => root, path: '/', component: FindOrderPage }),
    createRoute({ getParentRoute: () => root, path: '/orders/$orderId', component: OrderPage }),
    createRoute({ getParentRoute: () => root, path: '/cases/$caseId', component: CaseStatusPage }),
    createRoute({ getParentRoute: () => root, path: '/survey/$token', component: SurveyPage }),
  ];
  return createRouter({ routeTree: root.addChildren(routes), context: { queryClient } });
}
