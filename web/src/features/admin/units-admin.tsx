import { Button, Card, Divider, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CreateUnitBody, Unit } from '../../../../contracts/org.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { unitKinds } from '../../lib/vocabulary';
import { assignmentSummary, toAssignmentBody, type AssignmentValues } from './assignment-values';
import { FormModal } from './form-modal';
import { UnitAssignmentFields } from './unit-assignment-fields';
import { useAdminList } from './use-admin-list';

type Editing = { unit: Unit | null } | null;
type UnitValues = CreateUnitBody & AssignmentValues;

export function UnitsAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(api.units);
  const calendars = useLoad(() => api.calendars().then((r) => r.items), []);
  const [editing, setEditing] = useState<Editing>(null);
  const calendarName = (code: string | null) => {
    const c = code ? calendars.data?.find((x) => x.code === code) : undefined;
    return code ? (c ? local(c.name, c.nameEn) : code) : t('admin.units.roundTheClock');
  };
  const nameOf = (code: string | null) => {
    const unit = list.items.find((u) => u.code === code);
    return unit ? local(unit.name, unit.nameEn) : t('common.none');
  };

  const save = (values: UnitValues) => {
    const unit = editing?.unit;
    const { code, name, nameEn, kind } = values;
    const parentCode = values.parentCode ?? null;
    const calendarCode = values.calendarCode ?? null;
    return list.saved(
      unit
        ? api.updateUnit(unit.code, { name, nameEn, kind, parentCode, calendarCode, ...toAssignmentBody(values) }, unit.version)
        : api.createUnit({ code, name, nameEn, kind, parentCode, calendarCode }),
    );
  };

  const columns: TableColumnsType<Unit> = [
    { title: t('admin.units.code'), dataIndex: 'code' },
    { title: t('admin.units.name'), dataIndex: 'name' },
    { title: t('admin.units.nameEn'), dataIndex: 'nameEn' },
    { title: t('admin.units.kind'), dataIndex: 'kind', render: (_, u) => t(`unitKind.${u.kind}`) },
    { title: t('admin.units.parent'), dataIndex: 'parentCode', render: (_, u) => nameOf(u.parentCode) },
    { title: t('admin.units.calendar'), dataIndex: 'calendarCode', render: (_, u) => calendarName(u.calendarCode) },
    {
      title: t('admin.units.assignment'),
      dataIndex: 'assignmentMode',
      render: (_, u) => <span data-testid={`unit-assignment-${u.code}`}>{assignmentSummary(u, t)}</span>,
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
          <Button type="link" onClick={() => setEditing({ unit: u })} data-testid={`unit-edit-${u.code}`}>
            {t('common.edit')}
          </Button>
          <Button type="link" onClick={() => void list.attempt(api.updateUnit(u.code, { isActive: !u.isActive }, u.version))}>
            {u.isActive ? t('common.deactivate') : t('common.activate')}
          </Button>
          <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteUnit(u.code), 'common.deleted')}>
            <Button type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const unit = editing?.unit ?? null;
  return (
    <Card
      title={t('admin.units.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ unit: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Table<Unit>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={{ pageSize: 50 }}
      />
      <FormModal<UnitValues>
        open={editing !== null}
        title={unit ? `${t('common.edit')} · ${unit.code}` : t('common.create')}
        initialValues={unit ?? { kind: 'department' }}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {(form) => (
          <>
            <Form.Item name="code" label={t('admin.units.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/ }]}>
              <Input disabled={!!unit} />
            </Form.Item>
            <Form.Item name="name" label={t('admin.units.name')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('admin.units.nameEn')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="kind" label={t('admin.units.kind')} rules={[{ required: true }]}>
              <Select options={unitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="parentCode" label={t('admin.units.parent')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={list.items.filter((u) => u.code !== unit?.code).map((u) => ({ value: u.code, label: local(u.name, u.nameEn) }))}
              />
            </Form.Item>
            <Form.Item name="calendarCode" label={t('admin.units.calendar')}>
              <Select
                allowClear
                placeholder={t('admin.units.roundTheClock')}
                loading={calendars.isLoading}
                options={(calendars.data ?? []).map((c) => ({ value: c.code, label: local(c.name, c.nameEn) }))}
                data-testid="unit-calendar"
              />
            </Form.Item>
            <Divider />
            {unit ? (
              <UnitAssignmentFields form={form} />
            ) : (
              <Typography.Text type="secondary">{t('admin.units.assignmentAfterCreate')}</Typography.Text>
            )}
          </>
        )}
      </FormModal>
    </Card>
  );
}
