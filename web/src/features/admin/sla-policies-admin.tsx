import { Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { SlaPolicy } from '../../../../contracts/sla.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { minutesToHours } from '../../lib/time-left';
import { useLoad } from '../../lib/use-load';
import { FormModal } from './form-modal';
import { PolicyFormFields } from './policy-form';
import { fromPolicy, newPolicyValues, toPolicyBody, type PolicyValues } from './policy-values';
import { useAdminList } from './use-admin-list';

type Editing = { policy: SlaPolicy | null } | null;

/** Time limits by category, customer level and priority; the most specific active policy wins. */
export function SlaPoliciesAdmin() {
  const { t, local } = useI18n();
  const list = useAdminList(api.slaPolicies);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const [editing, setEditing] = useState<Editing>(null);
  const policy = editing?.policy ?? null;
  const any = t('admin.sla.any');
  const categoryName = (code: string | null) => {
    const c = code ? categories.data?.find((x) => x.code === code) : undefined;
    return code ? `${code} ${c ? local(c.nameZh, c.nameEn) : ''}` : any;
  };
  const hours = (minutes: number) => t('sla.hours', { n: minutesToHours(minutes) });

  const save = (values: PolicyValues) => {
    const body = toPolicyBody(values);
    return list.saved(policy ? api.updateSlaPolicy(policy.id, body, policy.version) : api.createSlaPolicy(body));
  };

  const columns: TableColumnsType<SlaPolicy> = [
    { title: t('admin.sla.name'), dataIndex: 'name', render: (name: string) => <span data-testid="sla-policy-row-name">{name}</span> },
    { title: t('admin.sla.category'), dataIndex: 'categoryCode', render: (_, p) => categoryName(p.categoryCode) },
    {
      title: t('admin.sla.customerLevel'),
      dataIndex: 'customerLevel',
      render: (_, p) => (p.customerLevel ? t(`level.${p.customerLevel}`) : any),
    },
    { title: t('admin.sla.priority'), dataIndex: 'priority', render: (_, p) => (p.priority ? t(`priority.${p.priority}`) : any) },
    { title: t('admin.sla.replyHours'), dataIndex: 'replyMinutes', align: 'right', render: hours },
    { title: t('admin.sla.problemHours'), dataIndex: 'problemMinutes', align: 'right', render: hours },
    { title: t('admin.sla.warnPercent'), dataIndex: 'warnPercent', align: 'right', render: (n: number) => `${n}%` },
    { title: t('admin.sla.answerHours'), dataIndex: 'answerMinutes', align: 'right', render: hours },
    {
      title: t('admin.units.status'),
      dataIndex: 'isActive',
      render: (_, p) => (p.isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ policy: p })}>
            {t('common.edit')}
          </Button>
          <Button type="link" onClick={() => void list.attempt(api.updateSlaPolicy(p.id, { isActive: !p.isActive }, p.version))}>
            {p.isActive ? t('common.deactivate') : t('common.activate')}
          </Button>
          <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteSlaPolicy(p.id), 'common.deleted')}>
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
      title={t('admin.sla.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ policy: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.sla.hint')}</Typography.Paragraph>
      <Table<SlaPolicy>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        data-testid="sla-policy-table"
      />
      <FormModal<PolicyValues>
        open={editing !== null}
        title={policy ? `${t('common.edit')} · ${policy.name}` : t('common.create')}
        initialValues={policy ? fromPolicy(policy) : newPolicyValues}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {() => <PolicyFormFields categories={categories.data ?? []} />}
      </FormModal>
    </Card>
  );
}
