import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { IncidentChild, IncidentView } from '../../../../contracts/incidents.js';
import { StatusTag } from '../../components/ticket-tags';
import { UnitSelect } from '../../components/unit-select';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLiveRefresh } from '../../lib/live';
import { useLoad } from '../../lib/use-load';
import { incidentActions, statusColor, type IncidentAction } from './incident-values';

const fieldOf: Partial<
  Record<
    IncidentAction,
    { name: string; label: 'incidents.dismiss.reason' | 'incidents.resolve.result' | 'incidents.dispatch.unit'; isRequired: boolean }
  >
> = {
  dismiss: { name: 'reason', label: 'incidents.dismiss.reason', isRequired: true },
  resolve: { name: 'result', label: 'incidents.resolve.result', isRequired: true },
  dispatch: { name: 'unitCode', label: 'incidents.dispatch.unit', isRequired: false },
};

/** One incident: where, what, how many, its complaints, and the desk's moves. */
export function IncidentDetail({ id, mayHandle }: { id: number; mayHandle: boolean }) {
  const { t, local, errorText } = useI18n();
  const { message } = App.useApp();
  const incident = useLoad(() => api.incident(id), [id]);
  const [acting, setActing] = useState<IncidentAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<string, string>>();
  useLiveRefresh(incident.refresh, (e) => e.incidentId === id);

  const act = async (action: IncidentAction, body: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      await api.incidentAction(id, action, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== '')));
      setActing(null);
      void message.success(t('incidents.done'));
      await incident.refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const i: IncidentView | undefined = incident.data;
  if (incident.error) return <Alert type="error" showIcon title={errorText(incident.error)} />;
  if (!i) return <Card loading />;
  const field = acting ? fieldOf[acting] : undefined;
  const children: TableColumnsType<IncidentChild> = [
    { title: t('ticket.number'), dataIndex: 'number', render: (n: string) => <Link to={`/tickets/${n}`}>{n}</Link> },
    { title: t('ticket.phone'), dataIndex: 'customerPhone' },
    { title: t('incidents.category'), dataIndex: 'categoryCode' },
    { title: '', dataIndex: 'isRepeat', render: (r: boolean) => (r ? <Tag color="volcano">{t('repeats.flag')}</Tag> : null) },
    { title: t('incidents.openedAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
    { title: '', dataIndex: 'status', render: (s: IncidentChild['status']) => <StatusTag status={s} /> },
  ];

  return (
    <Card
      variant="borderless"
      title={
        <Space>
          {`#${i.id} ${i.area.label}`}
          <Tag color={statusColor[i.status]} data-testid="incident-status">
            {t(`incidents.status.${i.status}`)}
          </Tag>
        </Space>
      }
      extra={<Link to="/incidents">{t('incidents.back')}</Link>}
      data-testid="incident-detail"
    >
      {mayHandle && (
        <Space style={{ marginBottom: 16 }}>
          {incidentActions(i).map((a) => (
            <Button
              key={a}
              type={a === 'confirm' || a === 'resolve' ? 'primary' : 'default'}
              danger={a === 'dismiss'}
              data-testid={`incident-${a}`}
              onClick={() => (fieldOf[a] ? (form.resetFields(), setError(null), setActing(a)) : void act(a, {}))}
            >
              {t(`incidents.action.${a}`)}
            </Button>
          ))}
        </Space>
      )}
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'category', label: t('incidents.category'), children: local(i.category.nameZh, i.category.nameEn) },
          { key: 'count', label: t('incidents.count'), children: <span data-testid="incident-count">{i.count}</span> },
          {
            key: 'rule',
            label: t('incidents.rule'),
            children: `${i.rule.name} (${t('incidents.ruleText', { threshold: i.rule.threshold, minutes: i.rule.windowMinutes })})`,
          },
          { key: 'unit', label: t('incidents.unit'), children: i.unit ? local(i.unit.name, i.unit.nameEn) : t('common.none') },
          { key: 'opened', label: t('incidents.openedAt'), children: formatTime(i.openedAt) },
          {
            key: 'dispatched',
            label: t('incidents.dispatchedAt'),
            children: i.dispatchedAt ? formatTime(i.dispatchedAt) : t('incidents.notDispatched'),
          },
          ...(i.result ? [{ key: 'result', label: t('incidents.result'), children: i.result }] : []),
          ...(i.reason ? [{ key: 'reason', label: t('incidents.reason'), children: i.reason }] : []),
        ]}
      />
      <Table<IncidentChild>
        style={{ marginTop: 16 }}
        title={() => `${t('incidents.children')} (${i.children.length})`}
        rowKey="id"
        size="small"
        columns={children}
        dataSource={i.children}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <Modal
        open={acting !== null}
        title={acting ? t(`incidents.action.${acting}`) : ''}
        onCancel={() => setActing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={isBusy}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => acting && void act(acting, v)}>
          {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
          {field && (
            <Form.Item name={field.name} label={t(field.label)} rules={[{ required: field.isRequired, whitespace: true, max: 1000 }]}>
              {field.name === 'unitCode' ? (
                <UnitSelect allowClear />
              ) : (
                <Input.TextArea rows={3} maxLength={1000} data-testid={`incident-${field.name}`} />
              )}
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
