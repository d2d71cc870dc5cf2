import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../../contracts/notifications.js';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { isSlaAlertKind } from '../../lib/vocabulary';
import { useNotifications } from './use-notifications';

const SHOWN = 20;
const dangerKinds = new Set(['sla.overdue', 'sla.problem', 'sla.answer_overdue', 'sla.legal_overdue', 'sla.accept_overdue']);

function NotificationRow({ n, onOpen }: { n: Notification; onOpen(n: Notification): void }) {
  const { t } = useI18n();
  const number = typeof n.data.number === 'string' ? n.data.number : '';
  const isUnread = n.readAt === null;
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={() => onOpen(n)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(n)}
      data-testid={`notification-${n.id}`}
      style={{ padding: '8px 12px', cursor: 'pointer', borderBottom: '1px solid #f0f0f0', background: isUnread ? '#f0f7ff' : undefined }}
    >
      <Flex justify="space-between" gap={12}>
        <Typography.Text strong={isUnread}>{number}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(n.createdAt)}
        </Typography.Text>
      </Flex>
      <Typography.Text type={dangerKinds.has(n.kind) ? 'danger' : 'warning'}>
        {isSlaAlertKind(n.kind) ? t(`alert.${n.kind}`) : n.kind}
      </Typography.Text>
    </div>
  );
}

/** The unread count in the header; the list opens the ticket it is about and marks it read. */
export function NotificationBell() {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const markRead = async (body: Parameters<typeof notifications.markRead>[0]) => {
    setError(null);
    await notifications.markRead(body).catch(setError);
  };
  const open = (n: Notification) => {
    setOpen(false);
    if (n.readAt === null) void markRead({ ids: [n.id] });
    const target = typeof n.data.number === 'string' ? n.data.number : n.ticketId;
    if (target !== null) void navigate(`/tickets/${target}`);
  };

  const list = notifications.items.slice(0, SHOWN);
  const content = (
    <div style={{ width: 340 }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ padding: '4px 12px 8px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={notifications.unread === 0}
          onClick={() => void markRead({ all: true })}
          data-testid="notification-read-all"
        >
          {t('notify.markAllRead')}
        </Button>
      </Flex>
      {error !== null && <Typography.Text type="danger">{errorText(error)}</Typography.Text>}
      <Spin spinning={notifications.isLoading && list.length === 0}>
        <div style={{ maxHeight: 420, overflowY: 'auto' }}>
          {list.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
          ) : (
            list.map((n) => <NotificationRow key={n.id} n={n} onOpen={open} />)
          )}
        </div>
      </Spin>
    </div>
  );
  return (
    <Popover
      open={isOpen}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void notifications.load();
      }}
      trigger="click"
      placement="bottomRight"
      content={content}
      styles={{ container: { padding: '8px 0' } }}
    >
      <Badge count={notifications.unread} size="small" overflowCount={99} data-testid="notification-count">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notify.title')}
          title={notifications.unread ? t('notify.unread', { n: notifications.unread }) : t('notify.title')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
