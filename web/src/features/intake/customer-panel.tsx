import { Alert, Card, Descriptions, Empty, Rate, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import type { CustomerProfile, TicketSummary } from '../../../../contracts/tickets.js';
import { LevelTag, StatusTag } from '../../components/ticket-tags';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

interface Props {
  profile: CustomerProfile | null;
  error: unknown;
  isLoading: boolean;
}

function TicketList({ title, items, testId }: { title: string; items: TicketSummary[]; testId: string }) {
  const { t, local } = useI18n();
  return (
    <div data-testid={testId} style={{ marginTop: 16 }}>
      <Typography.Text strong>{`${title} (${items.length})`}</Typography.Text>
      {items.length === 0 && <div style={{ color: '#999', padding: '4px 0' }}>{t('customer.noTickets')}</div>}
      {items.map((ticket) => (
        <div key={ticket.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Link to={`/tickets/${ticket.number}`} target="_blank">
            {ticket.number}
          </Link>{' '}
          <StatusTag status={ticket.status} />
          <div>
            <Typography.Text type="secondary">{`${local(ticket.categoryName, ticket.categoryNameEn)} · ${formatTime(ticket.createdAt)}`}</Typography.Text>
          </div>
          {ticket.resolution && <div>{ticket.resolution}</div>}
        </div>
      ))}
    </div>
  );
}

/** Who is calling and what they complained about before, beside the form. */
export function CustomerPanel({ profile, error, isLoading }: Props) {
  const { t, errorText, local } = useI18n();
  const customer = profile?.customer;
  // the home area is recorded as a unit code; the agent knows the branch by name
  const units = useLoad(() => api.units().then((r) => r.items), []);
  const homeArea = customer?.homeArea ? units.data?.find((u) => u.code === customer.homeArea) : undefined;
  return (
    <Card title={t('customer.title')} size="small" data-testid="customer-panel">
      {isLoading && <Spin />}
      {error !== null && <Alert type="warning" showIcon title={errorText(error)} />}
      {!isLoading && !profile && error === null && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.waiting')} />}
      {profile && (
        <>
          {customer ? (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'phone', label: t('ticket.phone'), children: profile.phone },
                { key: 'name', label: t('customer.name'), children: customer.name ?? t('common.none') },
                { key: 'level', label: t('customer.level'), children: <LevelTag level={customer.level} /> },
                {
                  key: 'credit',
                  label: t('customer.credit'),
                  children: <Rate disabled count={5} value={customer.creditLevel} style={{ fontSize: 14 }} />,
                },
                {
                  key: 'area',
                  label: t('customer.homeArea'),
                  children: (
                    <span data-testid="customer-home-area">
                      {homeArea ? local(homeArea.name, homeArea.nameEn) : (customer.homeArea ?? t('common.none'))}
                    </span>
                  ),
                },
              ]}
            />
          ) : (
            <Alert type="info" title={t('customer.unknown')} />
          )}
          <TicketList title={t('customer.openTickets')} items={profile.openTickets} testId="customer-open-tickets" />
          <TicketList title={t('customer.earlierTickets')} items={profile.earlierTickets} testId="customer-earlier-tickets" />
        </>
      )}
    </Card>
  );
}
