import { Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CreateUserBody, User } from '../../../../contracts/org.js';
import { PresenceTag } from '../../components/presence-tag';
import { SkillsSelect } from '../../components/skills-select';
import { UnitSelect } from '../../components/unit-select';
import { api } from '../../lib/api-client';
import { categoryNames } from '../../lib/category-names';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { roles } from '../../lib/vocabulary';
import { FormModal } from './form-modal';
import { useAdminList } from './use-admin-list';

type Editing = { user: User | null } | null;
type UserValues = CreateUserBody & { skills?: string[] };

export function UsersAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(api.users);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const [editing, setEditing] = useState<Editing>(null);
  const user = editing?.user ?? null;

  const save = (values: UserValues) => {
    const { username, displayName, role, unitCode, password, isSupervisor, skills = [] } = values;
    if (!user) return list.saved(api.createUser({ username, displayName, role, unitCode, password, isSupervisor: !!isSupervisor }));
    const body = { displayName, role, unitCode, isSupervisor: !!isSupervisor, skills, ...(password ? { password } : {}) };
    return list.saved(api.updateUser(user.id, body, user.version));
  };

  const columns: TableColumnsType<User> = [
    { title: t('admin.users.username'), dataIndex: 'username' },
    { title: t('admin.users.displayName'), dataIndex: 'displayName' },
    { title: t('admin.users.role'), dataIndex: 'role', render: (_, u) => <Tag color="blue">{t(`role.${u.role}`)}</Tag> },
    { title: t('admin.users.unit'), key: 'unit', render: (_, u) => local(u.unit.name, u.unit.nameEn) },
    {
      title: t('admin.users.isSupervisor'),
      dataIndex: 'isSupervisor',
      render: (_, u) => (u.isSupervisor ? <Tag color="purple">{t('admin.users.isSupervisor')}</Tag> : null),
    },
    { title: t('admin.users.presence'), dataIndex: 'presence', render: (_, u) => <PresenceTag presence={u.presence} /> },
    {
      title: t('admin.users.skills'),
      dataIndex: 'skills',
      render: (_, u) =>
        u.skills.length ? categoryNames(u.skills, categories.data ?? [], local).join(t('common.listSeparator')) : t('common.none'),
    },
    {
      title: t('admin.units.status'),
      dataIndex: 'isActive',
      render: (_, u) => (u.isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ user: u })} data-testid={`user-edit-${u.username}`}>
            {t('common.edit')}
          </Button>
          {u.isActive ? (
            // accounts are never erased: their names stay on the tickets they handled
            <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteUser(u.id))}>
              <Button type="link" danger>
                {t('common.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" onClick={() => void list.attempt(api.updateUser(u.id, { isActive: true }, u.version))}>
              {t('common.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('admin.users.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ user: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={{ pageSize: 50 }}
      />
      <FormModal<UserValues>
        open={editing !== null}
        title={user ? `${t('common.edit')} · ${user.username}` : t('common.create')}
        initialValues={user ? { ...user, unitCode: user.unit.code } : { role: 'agent', isSupervisor: false }}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {() => (
          <>
            <Form.Item name="username" label={t('admin.users.username')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_.-]{1,31}$/ }]}>
              <Input disabled={!!user} autoComplete="off" />
            </Form.Item>
            <Form.Item name="displayName" label={t('admin.users.displayName')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="role" label={t('admin.users.role')} rules={[{ required: true }]}>
              <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
            <Form.Item name="unitCode" label={t('admin.users.unit')} rules={[{ required: true }]}>
              <UnitSelect />
            </Form.Item>
            <Form.Item
              name="isSupervisor"
              label={t('admin.users.isSupervisor')}
              extra={t('admin.users.supervisorHint')}
              valuePropName="checked"
            >
              <Switch data-testid="user-supervisor" />
            </Form.Item>
            {/* creating an account does not take skills: they are set by editing it */}
            {user && (
              <Form.Item name="skills" label={t('admin.users.skills')} extra={t('admin.users.skillsHint')}>
                <SkillsSelect categories={categories.data ?? []} testId="user-skills" />
              </Form.Item>
            )}
            <Form.Item
              name="password"
              label={t('admin.users.password')}
              extra={t('admin.users.passwordHint')}
              rules={[{ required: !user, min: 8, max: 128 }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
