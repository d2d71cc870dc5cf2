import { App, Card, Checkbox, Form, Input, Modal, Radio, Rate, Select, Space, Table, Tag, Button, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { RevisitOutcomes, type Revisit, type RevisitListQuery, type RevisitOutcome } from '../../../../contracts/surveys.js';
import { api } from '../../lib/api-client';
import { useMe } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** 回访: the calls an unsatisfied answer gave the ticket's owner, and what came of them. */
export function RevisitList() {
  const { t } = useI18n();
  const me = useMe();
  const [query, setQuery] = useState<RevisitListQuery>({ scope: 'mine', status: 'open' });
  const [completing, setCompleting] = useState<Revisit | null>(null);
  const list = useLoad(() => api.revisits(query).then((r) => r.items), [query.scope, query.status]);
  const seesAll = me.role === 'desk' || me.isSupervisor;

  const columns: TableColumnsType<Revisit> = [
    {
      title: t('surveys.revisit.ticket'),
      key: 'ticket',
      render: (_, r) => <Link to={`/tickets/${r.ticket.number}`}>{r.ticket.number}</Link>,
    },
    { title: t('surveys.score'), key: 'score', render: (_, r) => <Rate disabled value={r.score} /> },
    { title: t('surveys.comment'), dataIndex: 'comment', ellipsis: true },
    ...(query.scope === 'all'
      ? [{ title: t('surveys.revisit.owner'), key: 'owner', render: (_: unknown, r: Revisit) => r.owner?.name }]
      : []),
    { title: t('surveys.revisit.createdAt'), key: 'at', render: (_, r) => formatTime(r.createdAt) },
    {
      title: t('surveys.status'),
      key: 'status',
      render: (_, r) =>
        r.status === 'open' ? (
          <Button size="small" type="primary" onClick={() => setCompleting(r)} data-testid={`revisit-complete-${r.id}`}>
            {t('surveys.revisit.complete')}
          </Button>
        ) : (
          <Space size={4}>
            <Tag>{r.outcome && t(`surveys.outcome.${r.outcome}`)}</Tag>
            {r.reopened && <Tag color="orange">{t('surveys.revisit.reopened')}</Tag>}
          </Space>
        ),
    },
  ];

  return (
    <Card variant="borderless" title={t('surveys.revisit.title')}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Radio.Group
          value={query.status}
          onChange={(e) => setQuery({ ...query, status: e.target.value as 'open' | 'done' })}
          options={[
            { value: 'open', label: t('surveys.revisit.open') },
            { value: 'done', label: t('surveys.revisit.done') },
          ]}
          optionType="button"
        />
        {seesAll && (
          <Select
            style={{ width: 160 }}
            value={query.scope}
            onChange={(scope) => setQuery({ ...query, scope })}
            options={[
              { value: 'mine', label: t('surveys.revisit.mine') },
              { value: 'all', label: t('surveys.revisit.all') },
            ]}
          />
        )}
      </Space>
      <Table rowKey="id" size="small" loading={list.isLoading} columns={columns} dataSource={list.data ?? []} />
      {completing && (
        <CompleteModal
          revisit={completing}
          onClose={() => setCompleting(null)}
          onDone={() => {
            setCompleting(null);
            void list.reload();
          }}
        />
      )}
    </Card>
  );
}

function CompleteModal({ revisit, onClose, onDone }: { revisit: Revisit; onClose(): void; onDone(): void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: RevisitOutcome; note: string; reopen: boolean }>();
  const [isBusy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.completeRevisit(revisit.id, { outcome: v.outcome, note: v.note.trim(), ...(v.reopen ? { reopen: true } : {}) });
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
      title={t('surveys.revisit.completeTitle', { number: revisit.ticket.number })}
      confirmLoading={isBusy}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('surveys.revisit.complete')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: 'resolved', reopen: false }}>
        <Form.Item name="outcome" label={t('surveys.revisit.outcome')}>
          <Radio.Group options={RevisitOutcomes.map((o) => ({ value: o, label: t(`surveys.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('surveys.revisit.note')}
          rules={[{ required: true, whitespace: true, message: t('surveys.revisit.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="revisit-note" />
        </Form.Item>
        <Form.Item name="reopen" valuePropName="checked">
          <Checkbox>{t('surveys.revisit.reopen')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
