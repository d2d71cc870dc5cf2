import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  SafetyCertificateOutlined,
  BarChartOutlined,
  BookOutlined,
  BranchesOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FundOutlined,
  LogoutOutlined,
  MessageOutlined,
  PhoneOutlined,
  RiseOutlined,
  ScheduleOutlined,
  SnippetsOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { PresenceSwitch } from '../components/presence-switch';
import { NotificationBell } from '../features/notifications/notification-bell';
import { useMe, useSession } from '../lib/auth';
import { useI18n } from '../lib/i18n';

type MenuItem = Required<MenuProps>['items'][number];

function useMenuItems(): MenuItem[] {
  const { can } = useSession();
  const { t } = useI18n();
  const items: MenuItem[] = [];
  if (can('ticket:read')) items.push({ key: '/', icon: <UnorderedListOutlined />, label: t('menu.workbench') });
  if (can('ticket:create')) {
    items.push({ key: '/tickets/new', icon: <FileAddOutlined />, label: <span data-testid="menu-new-ticket">{t('menu.newTicket')}</span> });
  }
  if (can('sla:board'))
    items.push({ key: '/board', icon: <DashboardOutlined />, label: <span data-testid="menu-board">{t('menu.board')}</span> });
  if (can('sla:board'))
    items.push({
      key: '/workload',
      icon: <UserSwitchOutlined />,
      label: <span data-testid="menu-workload">{t('menu.workload')}</span>,
    });
  if (can('stats:read'))
    items.push({ key: '/dashboard', icon: <FundOutlined />, label: <span data-testid="menu-dashboard">{t('dashboard.menu')}</span> });
  if (can('stats:read'))
    items.push({ key: '/stats', icon: <BarChartOutlined />, label: <span data-testid="menu-stats">{t('menu.stats')}</span> });
  if (can('callback:book'))
    items.push({ key: '/callbacks', icon: <PhoneOutlined />, label: <span data-testid="menu-callbacks">{t('callbacks.menu')}</span> });
  if (can('incident:read'))
    items.push({ key: '/incidents', icon: <AlertOutlined />, label: <span data-testid="menu-incidents">{t('incidents.menu')}</span> });
  if (can('knowledge:read'))
    items.push({ key: '/knowledge', icon: <BookOutlined />, label: <span data-testid="menu-knowledge">{t('knowledge.menu')}</span> });
  if (can('revisit:work'))
    items.push({ key: '/revisits', icon: <PhoneOutlined />, label: <span data-testid="menu-revisits">{t('surveys.menu')}</span> });
  if (can('refund:approve'))
    items.push({
      key: '/refunds/approvals',
      icon: <AuditOutlined />,
      label: <span data-testid="menu-refund-approvals">{t('refunds.menu.approvals')}</span>,
    });
  if (can('refund:audit'))
    items.push({
      key: '/refunds',
      icon: <AccountBookOutlined />,
      label: <span data-testid="menu-refunds">{t('refunds.menu.audit')}</span>,
    });
  if (can('quality:inspect'))
    items.push({
      key: '/quality',
      icon: <SafetyCertificateOutlined />,
      label: <span data-testid="menu-quality">{t('quality.menu')}</span>,
    });
  if (can('quality:appeal'))
    items.push({
      key: '/quality/mine',
      icon: <SafetyCertificateOutlined />,
      label: <span data-testid="menu-my-inspections">{t('quality.menu.mine')}</span>,
    });
  if (can('quality:scores') && !can('quality:inspect'))
    items.push({
      key: '/quality/scores',
      icon: <SafetyCertificateOutlined />,
      label: <span data-testid="menu-quality-scores">{t('quality.menu.scores')}</span>,
    });
  const admin: MenuItem[] = [];
  if (can('org:admin'))
    admin.push(
      { key: '/admin/units', icon: <ApartmentOutlined />, label: t('menu.units') },
      { key: '/admin/users', icon: <TeamOutlined />, label: t('menu.users') },
      { key: '/admin/categories', icon: <TagsOutlined />, label: t('menu.categories') },
      { key: '/admin/routing', icon: <BranchesOutlined />, label: t('menu.routing') },
    );
  if (can('sla:admin'))
    admin.push(
      {
        key: '/admin/sla-policies',
        icon: <FieldTimeOutlined />,
        label: <span data-testid="menu-sla-policies">{t('menu.slaPolicies')}</span>,
      },
      { key: '/admin/calendars', icon: <ScheduleOutlined />, label: t('menu.calendars') },
      { key: '/admin/holidays', icon: <CalendarOutlined />, label: t('menu.holidays') },
      { key: '/admin/escalation-rules', icon: <RiseOutlined />, label: t('menu.escalationRules') },
    );
  if (can('knowledge:admin')) admin.push({ key: '/admin/templates', icon: <SnippetsOutlined />, label: t('knowledge.template.menu') });
  if (can('incident:admin')) admin.push({ key: '/admin/incident-rules', icon: <AlertOutlined />, label: t('incidents.admin.menu') });
  if (can('callback:admin')) admin.push({ key: '/admin/skill-groups', icon: <PhoneOutlined />, label: t('callbacks.admin.menu') });
  if (can('sms:admin')) admin.push({ key: '/admin/sms', icon: <MessageOutlined />, label: t('sms.menu') });
  if (can('quality:admin'))
    admin.push({
      key: '/admin/desk-rules',
      icon: <SafetyCertificateOutlined />,
      label: <span data-testid="menu-desk-rules">{t('refunds.menu.admin')}</span>,
    });
  if (admin.length) items.push({ key: 'admin', icon: <SettingOutlined />, label: t('menu.admin'), children: admin });
  return items;
}

function UserBar() {
  const me = useMe();
  const { logout } = useSession();
  const { t, local } = useI18n();
  const navigate = useNavigate();
  const signOut = async () => {
    await logout().catch(() => undefined);
    void navigate('/login', { replace: true });
  };
  return (
    <Space size="middle">
      <NotificationBell />
      <PresenceSwitch />
      <LanguageSwitch />
      <Space size={4}>
        <Typography.Text strong data-testid="current-user">
          {me.displayName}
        </Typography.Text>
        <Tag color="blue">{t(`role.${me.role}`)}</Tag>
        <Typography.Text type="secondary">{local(me.unit.name, me.unit.nameEn)}</Typography.Text>
      </Space>
      <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
        {t('header.logout')}
      </Button>
    </Space>
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/tickets/') && pathname !== '/tickets/new' ? '/' : pathname;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          paddingInline: 24,
        }}
      >
        <Typography.Title level={4} style={{ margin: 0, color: '#0a6bd6' }}>
          {t('app.name')}
        </Typography.Title>
        <UserBar />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={['admin']}
            items={useMenuItems()}
            onClick={({ key }) => void navigate(key)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#f5f7fa' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
