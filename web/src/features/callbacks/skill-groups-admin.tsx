import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CreateSkillGroupBody, SkillGroup } from '../../../../contracts/callbacks.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { FormModal } from '../admin/form-modal';
import { useAdminList } from '../admin/use-admin-list';

type Editing = { group: SkillGroup | null } | null;
type Values = CreateSkillGroupBody & { calendarCode?: string | null };

/** Specialist skill groups: who is in them, their opening hours and how often an unanswered call is retried. */
export function SkillGroupsAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(api.skillGroups);
  const users = useLoad(() => api.users().then((r) => r.items.filter((u) => u.isActive)), []);
  const calendars = useLoad(() => api.calendars().then((r) => r.items), []);
  const [editing, setEditing] = useState<Editing>(null);
  const group = editing?.group ?? null;

  const save = (v: Values) => {
    const common = {
      name: v.name.trim(),
      nameEn: v.nameEn.trim(),
      calendarCode: v.calendarCode ?? null,
      retryAttempts: v.retryAttempts,
      retryMinutes: v.retryMinutes,
      memberIds: v.memberIds ?? [],
    };
    return list.saved(
      group
        ? api.updateSkillGroup(group.id, { ...common, version: group.version })
        : api.createSkillGroup({ code: v.code.trim(), ...common }),
    );
  };

  const columns: TableColumnsType<SkillGroup> = [
    { title: t('callbacks.admin.code'), dataIndex: 'code' },
    { title: t('callbacks.admin.name'), key: 'name', render: (_, g) => local(g.name, g.nameEn) },
    {
      title: t('callbacks.admin.calendar'),
      key: 'calendar',
      render: (_, g) => {
        const c = calendars.data?.find((x) => x.code === g.calendarCode);
        return c ? local(c.name, c.nameEn) : t('callbacks.admin.defaultHours');
      },
    },
    {
      title: t('callbacks.admin.retry'),
      key: 'retry',
      render: (_, g) => t('callbacks.admin.retryPolicy', { n: g.retryAttempts, minutes: g.retryMinutes }),
    },
    { title: t('callbacks.admin.members'), key: 'members', render: (_, g) => g.members.map((m) => m.displayName).join('、') || '—' },
    {
      title: t('admin.units.status'),
      key: 'active',
      render: (_, g) => (g.isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, g) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ group: g })}>
            {t('common.edit')}
          </Button>
          <Button type="link" onClick={() => void list.attempt(api.updateSkillGroup(g.id, { isActive: !g.isActive, version: g.version }))}>
            {g.isActive ? t('common.deactivate') : t('common.activate')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('callbacks.admin.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ group: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('callbacks.admin.hint')}</Typography.Paragraph>
      <Table<SkillGroup> rowKey="id" size="middle" columns={columns} dataSource={list.items} loading={list.isLoading} pagination={false} />
      <FormModal<Values>
        open={editing !== null}
        title={group ? `${t('common.edit')} · ${local(group.name, group.nameEn)}` : t('common.create')}
        initialValues={
          group
            ? { ...group, memberIds: group.members.map((m) => m.id) }
            : { retryAttempts: 3, retryMinutes: 30, calendarCode: null, memberIds: [] }
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {() => (
          <>
            <Form.Item name="code" label={t('callbacks.admin.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/ }]}>
              <Input maxLength={32} disabled={!!group} />
            </Form.Item>
            <Form.Item name="name" label={t('callbacks.admin.nameZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('callbacks.admin.nameEn')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="calendarCode" label={t('callbacks.admin.calendar')} extra={t('callbacks.admin.calendarHint')}>
              <Select
                allowClear
                placeholder={t('callbacks.admin.defaultHours')}
                options={(calendars.data ?? []).map((c) => ({ value: c.code, label: local(c.name, c.nameEn) }))}
              />
            </Form.Item>
            <Space>
              <Form.Item name="retryAttempts" label={t('callbacks.admin.retryAttempts')} rules={[{ required: true }]}>
                <InputNumber min={1} max={10} precision={0} />
              </Form.Item>
              <Form.Item name="retryMinutes" label={t('callbacks.admin.retryMinutes')} rules={[{ required: true }]}>
                <InputNumber min={5} max={1440} precision={0} />
              </Form.Item>
            </Space>
            <Form.Item name="memberIds" label={t('callbacks.admin.members')}>
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
              />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
