import { Card, Typography } from 'antd';
import type { TicketView } from '../../../../contracts/tickets.js';
import { useSession } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { BookCallbackButton } from './book-callback';

/** On the ticket page: book a specialist's callback for this ticket's customer; its outcomes appear in the timeline. */
export function TicketCallbacks({ ticket, onBooked }: { ticket: TicketView; onBooked(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  if (!can('callback:book')) return null;
  const phone = ticket.customer.phone.includes('*') ? undefined : ticket.customer.phone;
  return (
    <Card variant="borderless" size="small" title={t('callbacks.event.name')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('callbacks.ticketHint')}
      </Typography.Paragraph>
      <BookCallbackButton customerPhone={phone} ticketNumber={ticket.number} onBooked={onBooked} />
    </Card>
  );
}
