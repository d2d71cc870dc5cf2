import { Alert, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MyTicket } from '../../../contracts/selfservice.js';
import { useI18n } from '../lib/i18n';
import { useLoad } from '../lib/use-load';
import { myApi } from './my-client';
import { shortTime } from './when';

export function MyTicketSummary({ ticket }: { ticket: MyTicket }) {
  const { t, local, lang } = useI18n();
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{ticket.number}</Typography.Text>
        <Tag color={ticket.isOpen ? 'processing' : 'default'} data-testid={`my-status-${ticket.number}`}>
          {local(ticket.statusText.zh, ticket.statusText.en)}
        </Tag>
      </Space>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
        {ticket.description}
      </Typography.Paragraph>
      {ticket.handlingUnit && (
        <Typography.Text type="secondary">
          {t('my.ticket.unit')}: {local(ticket.handlingUnit.name, ticket.handlingUnit.nameEn)}
        </Typography.Text>
      )}
      {ticket.answerDueAt && (
        <Typography.Text type="secondary">
          {t('my.ticket.due')}: {shortTime(ticket.answerDueAt, lang)}
        </Typography.Text>
      )}
    </Space>
  );
}

export function MyTicketsPage() {
  const { t, errorText } = useI18n();
  const list = useLoad(() => myApi.tickets(), []);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('my.title')}
        </Typography.Title>
        <Link to="/my/new">
          <Button type="primary" data-testid="my-new">
            {t('my.list.new')}
          </Button>
        </Link>
      </Space>
      {list.error ? <Alert type="error" message={errorText(list.error)} /> : null}
      {list.isLoading && !list.data ? <Spin style={{ display: 'block', margin: 32 }} /> : null}
      {list.data && list.data.items.length === 0 && <Empty description={t('my.list.empty')} />}
      {list.data?.items.map((ticket) => (
        <Link key={ticket.number} to={`/my/tickets/${ticket.number}`} data-testid={`my-ticket-${ticket.number}`}>
          <Card size="small" hoverable>
            <MyTicketSummary ticket={ticket} />
          </Card>
        </Link>
      ))}
    </Space>
  );
}
