import { Button, Card, Form, Popconfirm, Space, Table, Tag, type FormInstance, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { Category, CreateCategoryBody } from '../../../../contracts/org.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { CategoryFormFields } from './category-form';
import { FormModal } from './form-modal';
import { useAdminList } from './use-admin-list';

type Row = Category & { children?: Row[] };
type Editing = { category: Category | null; initial: Partial<CreateCategoryBody> } | null;

export function CategoriesAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(api.categories);
  const [editing, setEditing] = useState<Editing>(null);
  const tree = useMemo<Row[]>(
    () =>
      list.items
        .filter((c) => c.parentCode === null)
        .map((c) => {
          const children = list.items.filter((child) => child.parentCode === c.code);
          return children.length ? { ...c, children } : c;
        }),
    [list.items],
  );

  const save = (values: CreateCategoryBody) => {
    const category = editing?.category;
    if (!category) return list.saved(api.createCategory({ ...values, ...(values.code.length > 2 ? { regulatorClass: undefined } : {}) }));
    const { nameZh, nameEn, regulatorClass } = values;
    return list.saved(
      api.updateCategory(category.code, { nameZh, nameEn, ...(category.level === 1 ? { regulatorClass } : {}) }, category.version),
    );
  };

  const columns: TableColumnsType<Row> = [
    { title: t('admin.categories.code'), dataIndex: 'code', width: 120 },
    { title: t('admin.categories.nameZh'), dataIndex: 'nameZh' },
    { title: t('admin.categories.nameEn'), dataIndex: 'nameEn' },
    { title: t('admin.categories.regulatorClass'), dataIndex: 'regulatorClass', render: (_, c) => t(`regulatorClass.${c.regulatorClass}`) },
    { title: t('admin.categories.unit'), key: 'unit', render: (_, c) => (c.unit ? local(c.unit.name, c.unit.nameEn) : t('common.none')) },
    {
      title: t('admin.units.status'),
      key: 'active',
      render: (_, c) => (c.isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, c) => (
        <Space size={0} wrap>
          {c.level === 1 && (
            <Button type="link" onClick={() => setEditing({ category: null, initial: { code: c.code } })}>
              {t('admin.categories.addChild')}
            </Button>
          )}
          <Button type="link" onClick={() => setEditing({ category: c, initial: c })}>
            {t('common.edit')}
          </Button>
          <Button type="link" onClick={() => void list.attempt(api.updateCategory(c.code, { isActive: !c.isActive }, c.version))}>
            {c.isActive ? t('common.deactivate') : t('common.activate')}
          </Button>
          <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteCategory(c.code), 'common.deleted')}>
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
      title={t('admin.categories.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ category: null, initial: {} })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Table<Row> rowKey="code" size="middle" columns={columns} dataSource={tree} loading={list.isLoading} pagination={false} />
      <FormModal<CreateCategoryBody>
        open={editing !== null}
        title={editing?.category ? `${t('common.edit')} · ${editing.category.code}` : t('common.create')}
        initialValues={editing?.initial ?? {}}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {(form) => <CodeAwareFields isEditing={!!editing?.category} form={form} />}
      </FormModal>
    </Card>
  );
}

function CodeAwareFields({ isEditing, form }: { isEditing: boolean; form: FormInstance<CreateCategoryBody> }) {
  const code = Form.useWatch('code', form);
  return <CategoryFormFields isEditing={isEditing} code={code} />;
}
