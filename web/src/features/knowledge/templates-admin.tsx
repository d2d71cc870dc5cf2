import { Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { TemplatePlaceholders, TemplateSituations, type CreateTemplateBody, type ReplyTemplate } from '../../../../contracts/knowledge.js';
import { CategoryCascader } from '../../components/category-cascader';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { FormModal } from '../admin/form-modal';
import { useAdminList } from '../admin/use-admin-list';

type Editing = { template: ReplyTemplate | null } | null;

/** Reply templates per category and situation, with placeholders filled from the ticket at hand. */
export function TemplatesAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(() => api.templates({ all: 'true' }));
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const [editing, setEditing] = useState<Editing>(null);
  const tpl = editing?.template ?? null;
  const categoryName = (code: string | null) => {
    const c = code ? categories.data?.find((x) => x.code === code) : undefined;
    return code ? `${code} ${c ? local(c.nameZh, c.nameEn) : ''}` : t('knowledge.template.general');
  };

  const save = (v: CreateTemplateBody) => {
    const body = { ...v, name: v.name.trim(), categoryCode: v.categoryCode ?? null };
    return list.saved(tpl ? api.updateTemplate(tpl.id, { ...body, version: tpl.version }) : api.createTemplate(body));
  };

  const columns: TableColumnsType<ReplyTemplate> = [
    { title: t('knowledge.template.name'), dataIndex: 'name' },
    { title: t('knowledge.template.situation'), key: 'situation', render: (_, r) => <Tag>{t(`knowledge.situation.${r.situation}`)}</Tag> },
    { title: t('knowledge.template.category'), key: 'category', render: (_, r) => categoryName(r.categoryCode) },
    {
      title: t('knowledge.template.body'),
      key: 'body',
      render: (_, r) => (
        <Typography.Text ellipsis={{ tooltip: r.body }} style={{ maxWidth: 360 }}>
          {r.body}
        </Typography.Text>
      ),
    },
    {
      title: t('admin.units.status'),
      key: 'active',
      render: (_, r) => (r.isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ template: r })}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteTemplate(r.id), 'common.deleted')}>
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
      title={t('knowledge.template.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ template: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('knowledge.template.hint', { names: TemplatePlaceholders.map((p) => `{${p}}`).join(' ') })}
      </Typography.Paragraph>
      <Table<ReplyTemplate>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
      />
      <FormModal<CreateTemplateBody>
        open={editing !== null}
        title={tpl ? `${t('common.edit')} · ${tpl.name}` : t('common.create')}
        initialValues={
          tpl
            ? { categoryCode: tpl.categoryCode, situation: tpl.situation, name: tpl.name, body: tpl.body, isActive: tpl.isActive }
            : { situation: 'first_answer', isActive: true }
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {() => (
          <>
            <Form.Item name="name" label={t('knowledge.template.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="situation" label={t('knowledge.template.situation')} rules={[{ required: true }]}>
              <Select options={TemplateSituations.map((s) => ({ value: s, label: t(`knowledge.situation.${s}`) }))} />
            </Form.Item>
            <Form.Item name="categoryCode" label={t('knowledge.template.category')} extra={t('knowledge.template.categoryHint')}>
              <CategoryCascader categories={categories.data ?? []} allowParent allowClear />
            </Form.Item>
            <Form.Item name="body" label={t('knowledge.template.body')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} />
            </Form.Item>
            <Form.Item name="isActive" label={t('common.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
