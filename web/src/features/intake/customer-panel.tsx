import { Alert, Card, Descriptions, Empty, Rate, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { fenToYuan } from '../refunds/money';
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
          {ticket.isRepeat && <Tag color="volcano">{t('repeats.flag')}</Tag>}
          {ticket.incidentId !== null && (
            <Link to={`/incidents/${ticket.incidentId}`} target="_blank">
              <Tag color="red">{t('incidents.child', { id: ticket.incidentId })}</Tag>
            </Link>
          )}
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
          {profile.repeatCount > 0 && (
            <Tag color="volcano" style={{ marginTop: 12 }} data-testid="customer-repeat-count">
              {t('customer.repeatCount', { n: profile.repeatCount })}
            </Tag>
          )}
          <TicketList title={t('customer.openTickets')} items={profile.openTickets} testId="customer-open-tickets" />
          <TicketList title={t('customer.earlierTickets')} items={profile.earlierTickets} testId="customer-earlier-tickets" />
          {profile.incidents.length > 0 && (
            <div style={{ marginTop: 16 }} data-testid="customer-incidents">
              <Typography.Text strong>{t('customer.incidents')}</Typography.Text>
              {profile.incidents.map((i) => (
                <div key={i.id} style={{ padding: '4px 0' }}>
                  <Link to={`/incidents/${i.id}`} target="_blank">{`#${i.id} ${i.areaLabel}`}</Link>{' '}
                  <Tag>{t(`incidents.status.${i.status as 'open'}`)}</Tag>
                  {i.result && <div>{i.result}</div>}
                </div>
              ))}
            </div>
          )}
          {profile.surveys.length > 0 && (
            <div style={{ marginTop: 16 }} data-testid="customer-surveys">
              <Typography.Text strong>{t('customer.surveys')}</Typography.Text>
              {profile.surveys.map((v) => (
                <div key={v.ticketId} style={{ padding: '4px 0' }}>
                  {v.number}{' '}
                  {v.score !== null ? <Rate disabled count={5} value={v.score} style={{ fontSize: 12 }} /> : <Tag>{v.status}</Tag>}
                  {v.comment && <div>{v.comment}</div>}
                </div>
              ))}
            </div>
          )}
          {profile.refunds.length > 0 && (
            <div style={{ marginTop: 16 }} data-testid="customer-refunds">
              <Typography.Text strong>{t('customer.refunds')}</Typography.Text>
              {profile.refunds.map((r) => (
                <div key={r.id} style={{ padding: '4px 0' }}>
                  {r.number} ¥{fenToYuan(r.amountFen)} <Tag>{t(`refunds.status.${r.status as 'granted'}`)}</Tag>
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </Card>
  );
}
