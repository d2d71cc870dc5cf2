import { Alert, Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { TicketView } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** On a ticket: that it repeats earlier ones, and the incident it waits on. */
export function TicketPatternTags({ ticket }: { ticket: Pick<TicketView, 'repeat' | 'incidentId'> }) {
  const { t } = useI18n();
  if (!ticket.repeat.isRepeat && ticket.incidentId === null) return null;
  return (
    <Alert
      type="warning"
      style={{ marginBottom: 12 }}
      data-testid="ticket-patterns"
      title={
        <Space wrap>
          {ticket.repeat.isRepeat && (
            <>
              <Tag color="volcano" data-testid="repeat-flag">
                {t('repeats.flag')}
              </Tag>
              {t('repeats.of', { numbers: '' })}
              {ticket.repeat.of.map((n) => (
                <Link key={n} to={`/tickets/${n}`}>
                  {n}
                </Link>
              ))}
            </>
          )}
          {ticket.incidentId !== null && (
            <Link to={`/incidents/${ticket.incidentId}`} data-testid="incident-link">
              {t('incidents.child', { id: ticket.incidentId })}
            </Link>
          )}
        </Space>
      }
    />
  );
}

/** The same, for a page that knows only the ticket's number: it reads the ticket's marks itself. */
export function TicketPatterns({ idOrNumber }: { idOrNumber: string }) {
  const ticket = useLoad(() => api.getTicket(idOrNumber), [idOrNumber]);
  return ticket.data ? <TicketPatternTags ticket={ticket.data} /> : null;
}
