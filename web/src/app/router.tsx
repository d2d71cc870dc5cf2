import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { Permission } from '../../../contracts/permissions.js';
import { AppLayout } from './layout';
import { LoginPage } from './login-page';
import { NewTicketPage } from './new-ticket-page';
import { NotFoundPage } from './not-found-page';
import { RequirePermission, RequireSession } from './guards';
import { TicketPage } from './ticket-page';
import { WorkbenchPage } from './workbench-page';

// Administration is used by few people and rarely: it loads only when opened.
const AdminUnitsPage = lazy(() => import('./admin-units-page').then((m) => ({ default: m.AdminUnitsPage })));
const AdminUsersPage = lazy(() => import('./admin-users-page').then((m) => ({ default: m.AdminUsersPage })));
const AdminCategoriesPage = lazy(() => import('./admin-categories-page').then((m) => ({ default: m.AdminCategoriesPage })));
const AdminRoutingPage = lazy(() => import('./admin-routing-page').then((m) => ({ default: m.AdminRoutingPage })));

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>
    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{page}</Suspense>
  </RequirePermission>
);

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: guarded('ticket:read', <WorkbenchPage />) },
      { path: 'tickets/new', element: guarded('ticket:create', <NewTicketPage />) },
      { path: 'tickets/:idOrNumber', element: guarded('ticket:read', <TicketPage />) },
      { path: 'admin/units', element: guarded('org:admin', <AdminUnitsPage />) },
      { path: 'admin/users', element: guarded('org:admin', <AdminUsersPage />) },
      { path: 'admin/categories', element: guarded('org:admin', <AdminCategoriesPage />) },
      { path: 'admin/routing', element: guarded('org:admin', <AdminRoutingPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
