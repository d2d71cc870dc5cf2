import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { BillingStates, RefundStatuses, type Refund, type RefundListQuery } from '../../../../contracts/refunds.js';
import { api } from '../../lib/api-client';
import { useMe, useSession } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { fenToYuan } from './money';
import { RefundStatusTags } from './refund-tags';

type Decision = { refund: Refund; kind: 'approve' | 'reject' | 'verify' };

/** Every refund with its trail (the audit report), or only those waiting for a supervisor (approvals). */
export function RefundTable({ approvals = false }: { approvals?: boolean }) {
  const { t, errorText } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const { message } = App.useApp();
  const [query, setQuery] = useState<RefundListQuery>(approvals ? { status: 'pending_approval' } : {});
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const list = useLoad(() => api.refunds(query), [JSON.stringify(query)]);

  const resend = async (r: Refund) => {
    try {
      await api.resendRefund(r.id);
      void message.success(t('refunds.resent'));
    } catch (e) {
      void message.error(errorText(e), 5);
    }
    await list.reload();
  };

  const columns: TableColumnsType<Refund> = [
    { title: t('refunds.createdAt'), key: 'at', render: (_, r) => formatTime(r.createdAt) },
    { title: t('refunds.ticket'), key: 'ticket', render: (_, r) => <Link to={`/tickets/${r.ticket.number}`}>{r.ticket.number}</Link> },
    { title: t('refunds.customer'), key: 'customer', render: (_, r) => r.customer.phone },
    { title: t('refunds.amount'), key: 'amount', align: 'right', render: (_, r) => `¥${fenToYuan(r.amount)}` },
    { title: t('refunds.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('refunds.requestedBy'),
      key: 'by',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.requestedBy?.name}</span>
          {r.approvalReasons.length > 0 && (
            <Typography.Text type="secondary">{r.approvalReasons.map((x) => t(`refunds.approvalReason.${x}`)).join('、')}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('refunds.state'),
      key: 'state',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>
            <RefundStatusTags refund={r} />
          </span>
          {r.decidedBy && <Typography.Text type="secondary">{r.decidedBy.name}</Typography.Text>}
          {r.billingError && <Typography.Text type="danger">{r.billingError}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '',
      key: 'do',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.status === 'pending_approval' && can('refund:approve') && r.requestedBy?.id !== me.id && (
            <>
              <Button
                size="small"
                type="primary"
                onClick={() => setDeciding({ refund: r, kind: 'approve' })}
                data-testid={`refund-approve-${r.id}`}
              >
                {t('refunds.approve')}
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ refund: r, kind: 'reject' })}>
                {t('refunds.reject')}
              </Button>
            </>
          )}
          {r.status === 'granted' && !r.verification && can('refund:verify') && (
            <Button size="small" onClick={() => setDeciding({ refund: r, kind: 'verify' })}>
              {t('refunds.verify')}
            </Button>
          )}
          {r.billingState === 'failed' && can('refund:verify') && (
            <Button size="small" onClick={() => void resend(r)}>
              {t('refunds.resend')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card variant="borderless" title={t(approvals ? 'refunds.approvals.title' : 'refunds.audit.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        {!approvals && (
          <Select
            allowClear
            placeholder={t('refunds.state')}
            style={{ width: 140 }}
            value={query.status}
            options={RefundStatuses.map((s) => ({ value: s, label: t(`refunds.status.${s}`) }))}
            onChange={(status) => setQuery({ ...query, status })}
          />
        )}
        {!approvals && (
          <Select
            allowClear
            placeholder={t('refunds.billingState')}
            style={{ width: 140 }}
            value={query.billingState}
            options={BillingStates.map((s) => ({ value: s, label: t(`refunds.billing.${s}`) }))}
            onChange={(billingState) => setQuery({ ...query, billingState })}
          />
        )}
        {!approvals && (
          <Select
            allowClear
            placeholder={t('refunds.verificationResult')}
            style={{ width: 160 }}
            value={query.verification}
            options={(['none', 'confirmed', 'not_confirmed'] as const).map((v) => ({
              value: v,
              label: t(v === 'none' ? 'refunds.verification.none' : `refunds.verification.${v}`),
            }))}
            onChange={(verification) => setQuery({ ...query, verification })}
          />
        )}
        <Input.Search
          allowClear
          placeholder={t('refunds.ticketNumber')}
          style={{ width: 220 }}
          onSearch={(v) => setQuery({ ...query, ticket: v.trim() || undefined })}
        />
        {!approvals && (
          <Button href={api.refundsCsvUrl(query)} data-testid="refund-csv">
            {t('refunds.csv')}
          </Button>
        )}
        {list.data && (
          <Space size="large">
            <Statistic title={t('refunds.total')} value={list.data.total} />
            <Statistic title={t('refunds.sum')} value={fenToYuan(list.data.sum)} prefix="¥" />
          </Space>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50 }}
      />
      {deciding && (
        <DecisionModal
          decision={deciding}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            void list.reload();
          }}
        />
      )}
    </Card>
  );
}

function DecisionModal({ decision, onClose, onDone }: { decision: Decision; onClose(): void; onDone(): void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; result?: 'confirmed' | 'not_confirmed' }>();
  const [isBusy, setBusy] = useState(false);
  const { refund, kind } = decision;
  const submit = async () => {
    const v = await form.validateFields();
    const note = v.note?.trim() || undefined;
    setBusy(true);
    try {
      if (kind === 'approve') await api.approveRefund(refund.id, note ? { note } : {});
      else if (kind === 'reject') await api.rejectRefund(refund.id, { note: note! });
      else await api.verifyRefund(refund.id, { result: v.result!, ...(note ? { note } : {}) });
      onDone();
    } catch (e) {
      void message.error(errorText(e), 5);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(`refunds.${kind}`)}
      confirmLoading={isBusy}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t(`refunds.${kind}`)}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph>
        {refund.ticket.number} · ¥{fenToYuan(refund.amount)} · {refund.reason}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ result: 'confirmed' }}>
        {kind === 'verify' && (
          <Form.Item name="result" label={t('refunds.verificationResult')}>
            <Radio.Group
              options={(['confirmed', 'not_confirmed'] as const).map((v) => ({ value: v, label: t(`refunds.verification.${v}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('refunds.note')}
          rules={kind === 'reject' ? [{ required: true, whitespace: true, message: t('refunds.noteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
