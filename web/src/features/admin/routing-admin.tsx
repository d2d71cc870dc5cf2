import { Button, Card, Form, Popconfirm, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { PutRouteBody, Route } from '../../../../contracts/org.js';
import { UnitSelect } from '../../components/unit-select';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { FormModal } from './form-modal';
import { useAdminList } from './use-admin-list';

type Editing = { route: Route | null } | null;

/** Which unit each category's work orders go to; a subcategory without a route follows its parent. */
export function RoutingAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(api.routing);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const [editing, setEditing] = useState<Editing>(null);
  const route = editing?.route ?? null;
  const categoryName = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? `${code} ${local(c.nameZh, c.nameEn)}` : code;
  };

  const save = (values: PutRouteBody) =>
    list.saved(route ? api.updateRoute(route.categoryCode, values.unitCode, route.version) : api.putRoute(values));

  const columns: TableColumnsType<Route> = [
    { title: t('admin.routing.category'), dataIndex: 'categoryCode', render: (code: string) => categoryName(code) },
    { title: t('admin.routing.unit'), key: 'unit', render: (_, r) => `${local(r.unit.name, r.unit.nameEn)} (${r.unit.code})` },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ route: r })}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteRoute(r.categoryCode), 'common.deleted')}>
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
      title={t('admin.routing.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ route: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Table<Route>
        rowKey="categoryCode"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={{ pageSize: 50 }}
      />
      <FormModal<PutRouteBody>
        open={editing !== null}
        title={route ? `${t('common.edit')} · ${categoryName(route.categoryCode)}` : t('common.create')}
        initialValues={route ? { categoryCode: route.categoryCode, unitCode: route.unit.code } : {}}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {() => (
          <>
            <Form.Item name="categoryCode" label={t('admin.routing.category')} rules={[{ required: true }]}>
              <Select
                disabled={!!route}
                showSearch={{ optionFilterProp: 'label' }}
                options={(categories.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${local(c.nameZh, c.nameEn)}` }))}
              />
            </Form.Item>
            <Form.Item name="unitCode" label={t('admin.routing.unit')} rules={[{ required: true }]}>
              <UnitSelect />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
