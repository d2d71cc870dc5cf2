import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { AreaLevel, CreateIncidentRuleBody, IncidentRule } from '../../../../contracts/incidents.js';
import { CategoryCascader } from '../../components/category-cascader';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { FormModal } from '../admin/form-modal';
import { useAdminList } from '../admin/use-admin-list';

const areaLevels: AreaLevel[] = ['compound', 'district', 'cell'];
type Editing = { rule: IncidentRule | null } | null;

/** The early-warning rules: which categories, counted in what kind of area, how many within how long. */
export function IncidentRulesAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(api.incidentRules);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const [editing, setEditing] = useState<Editing>(null);
  const rule = editing?.rule ?? null;
  const categoryName = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return `${code} ${c ? local(c.nameZh, c.nameEn) : ''}`;
  };
  const save = (v: CreateIncidentRuleBody) =>
    list.saved(
      rule
        ? api.updateIncidentRule(rule.id, { ...v, name: v.name.trim() }, rule.version)
        : api.createIncidentRule({ ...v, name: v.name.trim() }),
    );

  const columns: TableColumnsType<IncidentRule> = [
    { title: t('incidents.admin.name'), dataIndex: 'name' },
    { title: t('incidents.admin.categoryCode'), dataIndex: 'categoryCode', render: (c: string) => categoryName(c) },
    { title: t('incidents.admin.areaLevel'), dataIndex: 'areaLevel', render: (a: AreaLevel) => t(`incidents.areaLevel.${a}`) },
    {
      title: t('incidents.rule'),
      key: 'rule',
      render: (_, r) => t('incidents.ruleText', { threshold: r.threshold, minutes: r.windowMinutes }),
    },
    {
      title: t('incidents.admin.isActive'),
      dataIndex: 'isActive',
      render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ rule: r })}>
            {t('common.edit')}
          </Button>
          <Button type="link" onClick={() => void list.attempt(api.updateIncidentRule(r.id, { isActive: !r.isActive }, r.version))}>
            {r.isActive ? t('common.deactivate') : t('common.activate')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('incidents.admin.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ rule: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('incidents.admin.hint')}</Typography.Paragraph>
      <Table<IncidentRule>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
      />
      <FormModal<CreateIncidentRuleBody>
        open={editing !== null}
        title={rule ? `${t('common.edit')} · ${rule.name}` : t('common.create')}
        initialValues={
          rule
            ? {
                name: rule.name,
                categoryCode: rule.categoryCode,
                areaLevel: rule.areaLevel,
                threshold: rule.threshold,
                windowMinutes: rule.windowMinutes,
                isActive: rule.isActive,
              }
            : { areaLevel: 'compound', threshold: 5, windowMinutes: 30, isActive: true }
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {() => (
          <>
            <Form.Item name="name" label={t('incidents.admin.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="categoryCode" label={t('incidents.admin.categoryCode')} rules={[{ required: true }]}>
              <CategoryCascader categories={categories.data ?? []} allowParent />
            </Form.Item>
            <Form.Item name="areaLevel" label={t('incidents.admin.areaLevel')} rules={[{ required: true }]}>
              <Select options={areaLevels.map((a) => ({ value: a, label: t(`incidents.areaLevel.${a}`) }))} />
            </Form.Item>
            <Space size={32}>
              <Form.Item name="threshold" label={t('incidents.admin.threshold')} rules={[{ required: true }]}>
                <InputNumber min={2} max={10000} precision={0} />
              </Form.Item>
              <Form.Item name="windowMinutes" label={t('incidents.admin.windowMinutes')} rules={[{ required: true }]}>
                <InputNumber min={1} max={10080} precision={0} />
              </Form.Item>
              <Form.Item name="isActive" label={t('incidents.admin.isActive')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
          </>
        )}
      </FormModal>
    </Card>
  );
}
