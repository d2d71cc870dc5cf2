import { Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CreateEscalationRuleBody, EscalationRule } from '../../../../contracts/sla.js';
import { CategoryCascader } from '../../components/category-cascader';
import { UnitSelect } from '../../components/unit-select';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { escalationStates } from '../../lib/vocabulary';
import { FormModal } from './form-modal';
import { useAdminList } from './use-admin-list';

type Editing = { rule: EscalationRule | null } | null;

const fromRule = (r: EscalationRule): CreateEscalationRuleBody => ({
  name: r.name,
  onState: r.onState,
  categoryCode: r.categoryCode,
  raisePriority: r.raisePriority,
  reassignUnitCode: r.reassignUnit?.code ?? null,
  isActive: r.isActive,
});

// a cleared choice goes as null, so that editing can widen a rule again
const toBody = (v: CreateEscalationRuleBody): CreateEscalationRuleBody => ({
  ...v,
  name: v.name.trim(),
  categoryCode: v.categoryCode ?? null,
  reassignUnitCode: v.reassignUnitCode ?? null,
});

/** What the system does by itself when a reply is overdue or an order becomes a problem order. */
export function EscalationRulesAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(api.escalationRules);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const [editing, setEditing] = useState<Editing>(null);
  const rule = editing?.rule ?? null;
  const categoryName = (code: string | null) => {
    const c = code ? categories.data?.find((x) => x.code === code) : undefined;
    return code ? `${code} ${c ? local(c.nameZh, c.nameEn) : ''}` : t('admin.escalation.anyCategory');
  };

  const save = (values: CreateEscalationRuleBody) =>
    list.saved(rule ? api.updateEscalationRule(rule.id, toBody(values), rule.version) : api.createEscalationRule(toBody(values)));

  const columns: TableColumnsType<EscalationRule> = [
    { title: t('admin.escalation.name'), dataIndex: 'name' },
    {
      title: t('admin.escalation.onState'),
      dataIndex: 'onState',
      render: (_, r) => <Tag color={r.onState === 'problem' ? 'magenta' : 'red'}>{t(`escalationState.${r.onState}`)}</Tag>,
    },
    { title: t('admin.escalation.category'), dataIndex: 'categoryCode', render: (_, r) => categoryName(r.categoryCode) },
    {
      title: t('admin.escalation.raisePriority'),
      dataIndex: 'raisePriority',
      render: (_, r) => (r.raisePriority ? t('common.yes') : t('common.no')),
    },
    {
      title: t('admin.escalation.reassignUnit'),
      key: 'unit',
      render: (_, r) => (r.reassignUnit ? local(r.reassignUnit.name, r.reassignUnit.nameEn) : t('admin.escalation.keepUnit')),
    },
    {
      title: t('admin.units.status'),
      dataIndex: 'isActive',
      render: (_, r) => (r.isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ rule: r })}>
            {t('common.edit')}
          </Button>
          <Button type="link" onClick={() => void list.attempt(api.updateEscalationRule(r.id, { isActive: !r.isActive }, r.version))}>
            {r.isActive ? t('common.deactivate') : t('common.activate')}
          </Button>
          <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteEscalationRule(r.id), 'common.deleted')}>
            <Button type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('admin.escalation.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ rule: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.escalation.hint')}</Typography.Paragraph>
      <Table<EscalationRule>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
      />
      <FormModal<CreateEscalationRuleBody>
        open={editing !== null}
        title={rule ? `${t('common.edit')} · ${rule.name}` : t('common.create')}
        initialValues={rule ? fromRule(rule) : { onState: 'overdue', raisePriority: true, isActive: true }}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {() => (
          <>
            <Form.Item name="name" label={t('admin.escalation.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="onState" label={t('admin.escalation.onState')} rules={[{ required: true }]}>
              <Select options={escalationStates.map((s) => ({ value: s, label: t(`escalationState.${s}`) }))} />
            </Form.Item>
            <Form.Item name="categoryCode" label={t('admin.escalation.category')}>
              <CategoryCascader categories={categories.data ?? []} allowParent allowClear placeholder={t('admin.escalation.anyCategory')} />
            </Form.Item>
            <Form.Item name="reassignUnitCode" label={t('admin.escalation.reassignUnit')}>
              <UnitSelect allowClear placeholder={t('admin.escalation.keepUnit')} />
            </Form.Item>
            <Space size={32}>
              <Form.Item name="raisePriority" label={t('admin.escalation.raisePriority')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="isActive" label={t('admin.sla.isActive')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
          </>
        )}
      </FormModal>
    </Card>
  );
}
