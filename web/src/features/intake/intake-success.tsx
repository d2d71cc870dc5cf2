import { Alert, Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { travelsFromHere, type IntakeResult } from './use-intake-submit';

/** The number the agent reads to the customer, in large type, while the form is ready for the next call. */
export function IntakeSuccess({ result, onClose }: { result: IntakeResult; onClose(): void }) {
  const { t, local } = useI18n();
  const { ticket, mode } = result;
  const unit = ticket.handlingUnit ? local(ticket.handlingUnit.name, ticket.handlingUnit.nameEn) : '';
  const outcome =
    mode === 'resolve'
      ? t('intake.successResolved')
      : ticket.incidentId !== null
        ? t('incidents.joined', { id: ticket.incidentId })
        : ticket.repeat.isRepeat && !travelsFromHere(ticket) && ticket.status === 'accepted'
          ? ticket.owner
            ? t('repeats.routedOwner', { name: ticket.owner.name })
            : t('repeats.routedDesk')
          : t('intake.successDispatched', { unit });
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="intake-success"
      title={t('intake.successTitle')}
      description={
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary">{t('intake.successRead')}</Typography.Text>
          <Typography.Text strong copyable style={{ fontSize: 28, letterSpacing: 1 }} data-testid="ticket-number">
            {ticket.number}
          </Typography.Text>
          <Typography.Text>{outcome}</Typography.Text>
          <Link to={`/tickets/${ticket.number}`} data-testid="intake-open-ticket">
            <Button size="small">{t('intake.openTicket')}</Button>
          </Link>
        </Space>
      }
    />
  );
}
