import { App, Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TicketView } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { fenToYuan } from './money';
import { RefundDialog } from './refund-dialog';
import { RefundStatusTags } from './refund-tags';

/** On the ticket page of a charge complaint: its refunds, and the button to grant one. */
export function TicketRefunds({ ticket, onChanged }: { ticket: TicketView; onChanged(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [isOpen, setOpen] = useState(false);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const isCharge = categories.data?.find((c) => c.code === ticket.categoryCode)?.regulatorClass === 'charges_dispute';
  const refunds = useLoad(
    () => (isCharge ? api.ticketRefunds(ticket.id).then((r) => r.items) : Promise.resolve([])),
    [ticket.id, ticket.version, isCharge],
  );
  if (!isCharge) return null;
  const mayGrant = can('refund:grant') && ticket.status !== 'closed';
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('refunds.ticket.title')}
      style={{ marginBottom: 16 }}
      extra={
        mayGrant && (
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="refund-open">
            {t('refunds.ticket.button')}
          </Button>
        )
      }
    >
      {(refunds.data ?? []).length === 0 ? (
        <Typography.Text type="secondary">{t('refunds.ticket.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={refunds.data}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Typography.Text strong>¥{fenToYuan(r.amount)}</Typography.Text>
                  <RefundStatusTags refund={r} />
                </Space>
                <Typography.Text type="secondary">
                  {r.requestedBy?.name} · {formatTime(r.createdAt)} · {r.reason}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {isOpen && (
        <RefundDialog
          ticket={ticket}
          onClose={() => setOpen(false)}
          onDone={(r) => {
            setOpen(false);
            void message.success(t(r.status === 'granted' ? 'refunds.granted' : 'refunds.pending'));
            void refunds.reload();
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
