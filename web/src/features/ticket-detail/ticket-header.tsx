import { Card, Flex, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TicketView } from '../../../../contracts/tickets.js';
import { PriorityTag, StatusTag } from '../../components/ticket-tags';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { waitingFor } from './reassign';

export function TicketHeader({ ticket, actions }: { ticket: TicketView; actions: ReactNode }) {
  const { t, lang } = useI18n();
  // the path comes in Chinese only; in English the leaf's own name says enough
  const categoryName = lang === 'en' ? ticket.category.nameEn : ticket.category.path || ticket.category.nameZh;
  const waiting = waitingFor(ticket);
  return (
    <Card variant="borderless">
      <Flex justify="space-between" align="start" wrap gap={16}>
        <Space orientation="vertical" size={4}>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} copyable data-testid="ticket-number">
              {ticket.number}
            </Typography.Title>
            <StatusTag status={ticket.status} testId="ticket-status" />
            <PriorityTag priority={ticket.priority} />
            {ticket.intercepted && <Tag color="green">{t('ticket.intercepted')}</Tag>}
            {ticket.escalationLevel > 0 && <Tag color="red">{`${t('ticket.escalation')} ${ticket.escalationLevel}`}</Tag>}
          </Space>
          <Typography.Text type="secondary" data-testid="ticket-category">
            {`${t('ticket.category')}${t('common.colon')}${categoryName} (${ticket.category.code})`}
          </Typography.Text>
          {waiting && (
            <Typography.Text type="warning" data-testid="ticket-waiting-for">
              {t('ticket.assignedNotTaken', { name: waiting.name, at: formatTime(waiting.at) })}
            </Typography.Text>
          )}
        </Space>
        {actions}
      </Flex>
    </Card>
  );
}
