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
const AdminSlaPoliciesPage = lazy(() => import('./admin-sla-policies-page').then((m) => ({ default: m.AdminSlaPoliciesPage })));
const AdminCalendarsPage = lazy(() => import('./admin-calendars-page').then((m) => ({ default: m.AdminCalendarsPage })));
const AdminHolidaysPage = lazy(() => import('./admin-holidays-page').then((m) => ({ default: m.AdminHolidaysPage })));
const AdminEscalationRulesPage = lazy(() => import('./admin-escalation-rules-page').then((m) => ({ default: m.AdminEscalationRulesPage })));
// Supervisors and managers open these; the queue people live in does not need their code.
const BoardPage = lazy(() => import('./board-page').then((m) => ({ default: m.BoardPage })));
const WorkloadPage = lazy(() => import('./workload-page').then((m) => ({ default: m.WorkloadPage })));
const StatsPage = lazy(() => import('./stats-page').then((m) => ({ default: m.StatsPage })));
const DashboardPage = lazy(() => import('./dashboard-page').then((m) => ({ default: m.DashboardPage })));
const CallbacksPage = lazy(() => import('./callbacks-page').then((m) => ({ default: m.CallbacksPage })));
const KnowledgePage = lazy(() => import('./knowledge-page').then((m) => ({ default: m.KnowledgePage })));
const AdminTemplatesPage = lazy(() => import('./admin-templates-page').then((m) => ({ default: m.AdminTemplatesPage })));
const IncidentsPage = lazy(() => import('./incidents-page').then((m) => ({ default: m.IncidentsPage })));
const AdminIncidentRulesPage = lazy(() => import('./admin-incident-rules-page').then((m) => ({ default: m.AdminIncidentRulesPage })));
const AdminSmsPage = lazy(() => import('./admin-sms-page').then((m) => ({ default: m.AdminSmsPage })));
const AdminSkillGroupsPage = lazy(() => import('./admin-skill-groups-page').then((m) => ({ default: m.AdminSkillGroupsPage })));
// Refund audit, revisits and quality inspection: the complaint desk's and the quality room's pages.
const RefundsPage = lazy(() => import('./refunds-page').then((m) => ({ default: m.RefundsPage })));
const RefundApprovalsPage = lazy(() => import('./refund-approvals-page').then((m) => ({ default: m.RefundApprovalsPage })));
const RevisitsPage = lazy(() => import('./revisits-page').then((m) => ({ default: m.RevisitsPage })));
const QualityPage = lazy(() => import('./quality-page').then((m) => ({ default: m.QualityPage })));
const MyInspectionsPage = lazy(() => import('./my-inspections-page').then((m) => ({ default: m.MyInspectionsPage })));
const QualityScoresPage = lazy(() => import('./quality-scores-page').then((m) => ({ default: m.QualityScoresPage })));
const AdminDeskRulesPage = lazy(() => import('./admin-desk-rules-page').then((m) => ({ default: m.AdminDeskRulesPage })));

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
      { path: 'admin/sla-policies', element: guarded('sla:admin', <AdminSlaPoliciesPage />) },
      { path: 'admin/calendars', element: guarded('sla:admin', <AdminCalendarsPage />) },
      { path: 'admin/holidays', element: guarded('sla:admin', <AdminHolidaysPage />) },
      { path: 'admin/escalation-rules', element: guarded('sla:admin', <AdminEscalationRulesPage />) },
      { path: 'board', element: guarded('sla:board', <BoardPage />) },
      { path: 'workload', element: guarded('sla:board', <WorkloadPage />) },
      { path: 'stats', element: guarded('stats:read', <StatsPage />) },
      { path: 'dashboard', element: guarded('stats:read', <DashboardPage />) },
      { path: 'callbacks', element: guarded('callback:book', <CallbacksPage />) },
      { path: 'knowledge', element: guarded('knowledge:read', <KnowledgePage />) },
      { path: 'admin/templates', element: guarded('knowledge:admin', <AdminTemplatesPage />) },
      { path: 'admin/skill-groups', element: guarded('callback:admin', <AdminSkillGroupsPage />) },
      { path: 'refunds', element: guarded('refund:audit', <RefundsPage />) },
      { path: 'refunds/approvals', element: guarded('refund:approve', <RefundApprovalsPage />) },
      { path: 'revisits', element: guarded('revisit:work', <RevisitsPage />) },
      { path: 'quality', element: guarded('quality:inspect', <QualityPage />) },
      { path: 'quality/mine', element: guarded('quality:appeal', <MyInspectionsPage />) },
      { path: 'quality/scores', element: guarded('quality:scores', <QualityScoresPage />) },
      { path: 'admin/desk-rules', element: guarded('quality:admin', <AdminDeskRulesPage />) },
      { path: 'incidents', element: guarded('incident:read', <IncidentsPage />) },
      { path: 'incidents/:id', element: guarded('incident:read', <IncidentsPage />) },
      { path: 'admin/incident-rules', element: guarded('incident:admin', <AdminIncidentRulesPage />) },
      { path: 'admin/sms', element: guarded('sms:admin', <AdminSmsPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
