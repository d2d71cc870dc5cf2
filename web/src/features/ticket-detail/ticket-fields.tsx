import { Descriptions, Tag, type DescriptionsProps } from 'antd';
import type { TicketView } from '../../../../contracts/tickets.js';
import { LevelTag, PriorityTag, StatusTag } from '../../components/ticket-tags';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

type Items = NonNullable<DescriptionsProps['items']>;

export function TicketFields({ ticket }: { ticket: TicketView }) {
  const { t, local } = useI18n();
  const none = t('common.none');
  const unitName = (u: TicketView['handlingUnit']) => (u ? local(u.name, u.nameEn) : none);
  const location = Object.values(ticket.location).filter(Boolean).join(' · ') || none;
  const items: Items = [
    { key: 'phone', label: t('ticket.phone'), children: <span data-testid="ticket-phone">{ticket.customer.phone}</span> },
    { key: 'name', label: t('ticket.customerName'), children: ticket.customer.name ?? none },
    { key: 'level', label: t('ticket.level'), children: <LevelTag level={ticket.customer.level} /> },
    { key: 'channel', label: t('ticket.channel'), children: t(`channel.${ticket.channel}`) },
    { key: 'priority', label: t('ticket.priority'), children: <PriorityTag priority={ticket.priority} /> },
    { key: 'escalation', label: t('ticket.escalation'), children: ticket.escalationLevel },
    { key: 'owner', label: t('ticket.owner'), children: ticket.owner ? `${ticket.owner.name} · ${unitName(ticket.ownerUnit)}` : none },
    {
      key: 'unit',
      label: t('ticket.handlingUnit'),
      children: <span data-testid="ticket-handling-unit">{unitName(ticket.handlingUnit)}</span>,
    },
    {
      key: 'user',
      label: t('ticket.handlingUser'),
      children: <span data-testid="ticket-handling-user">{ticket.handlingUser?.name ?? none}</span>,
    },
    { key: 'description', label: t('ticket.description'), span: 'filled', children: ticket.description },
    { key: 'location', label: t('ticket.location'), span: 'filled', children: location },
  ];
  if (ticket.regulator) {
    items.push({
      key: 'regulator',
      label: t('ticket.regulator'),
      span: 'filled',
      children: (
        <>
          {ticket.regulator.reference} {ticket.regulator.overLevel && <Tag color="red">{t('ticket.overLevel')}</Tag>}
        </>
      ),
    });
  }
  if (ticket.suspendedFrom)
    items.push({ key: 'suspendedFrom', label: t('ticket.suspendedFrom'), children: <StatusTag status={ticket.suspendedFrom} /> });
  items.push(
    {
      key: 'resolution',
      label: t('ticket.resolution'),
      span: 'filled',
      children: <span data-testid="ticket-resolution">{ticket.resolution ?? none}</span>,
    },
    {
      key: 'answer',
      label: t('ticket.answer'),
      span: 'filled',
      children: <span data-testid="ticket-answer">{ticket.answer ?? none}</span>,
    },
    { key: 'createdAt', label: t('ticket.createdAt'), children: formatTime(ticket.createdAt) },
    { key: 'dispatchedAt', label: t('ticket.dispatchedAt'), children: formatTime(ticket.dispatchedAt) },
    { key: 'repliedAt', label: t('ticket.repliedAt'), children: formatTime(ticket.repliedAt) },
    { key: 'answeredAt', label: t('ticket.answeredAt'), children: formatTime(ticket.answeredAt) },
    { key: 'closedAt', label: t('ticket.closedAt'), children: formatTime(ticket.closedAt) },
    { key: 'updatedAt', label: t('ticket.updatedAt'), children: formatTime(ticket.updatedAt) },
  );
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xxl: 3 }}
      items={items}
      styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
    />
  );
}
