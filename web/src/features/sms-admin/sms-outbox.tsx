import { Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { SmsOutboxEntry } from '../../../../contracts/sms.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

const stateColour: Record<string, string> = { queued: 'default', sending: 'processing', sent: 'blue', delivered: 'green', failed: 'red' };

/** The latest messages to customers and where each stands: waiting, sent, delivered or failed (and why). */
export function SmsOutbox() {
  const { t } = useI18n();
  const list = useLoad(() => api.smsOutbox().then((r) => r.items), []);
  const columns: TableColumnsType<SmsOutboxEntry> = [
    { title: t('sms.outbox.createdAt'), dataIndex: 'createdAt', width: 170, render: (_, r) => new Date(r.createdAt).toLocaleString() },
    { title: t('sms.outbox.phone'), dataIndex: 'phone', width: 130 },
    { title: t('sms.outbox.purpose'), dataIndex: 'purpose', width: 110 },
    { title: t('sms.templates.text'), dataIndex: 'text', ellipsis: true },
    { title: t('sms.outbox.state'), dataIndex: 'state', width: 100, render: (_, r) => <Tag color={stateColour[r.state]}>{r.state}</Tag> },
    { title: t('sms.outbox.attempts'), dataIndex: 'attempts', width: 90 },
    {
      title: t('sms.outbox.error'),
      dataIndex: 'lastError',
      ellipsis: true,
      render: (_, r) => <Typography.Text type="danger">{r.lastError ?? ''}</Typography.Text>,
    },
  ];
  return (
    <Card
      variant="borderless"
      extra={
        <Button onClick={() => void list.reload()} loading={list.isLoading}>
          {t('sms.outbox.refresh')}
        </Button>
      }
    >
      <Table<SmsOutboxEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isLoading}
        pagination={{ pageSize: 20 }}
      />
    </Card>
  );
}
