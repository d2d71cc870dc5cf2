import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TicketView } from '../../../../contracts/tickets.js';
import { useI18n } from '../../lib/i18n';
import type { TicketAction } from '../../lib/vocabulary';

// The moves that carry the loop forward stand out; side moves stay quiet.
const primary = new Set<TicketAction>(['dispatch', 'take', 'reply', 'answer', 'close', 'resolve']);
const risky = new Set<TicketAction>(['return', 'escalate']);

interface Props {
  ticket: TicketView;
  onAction(action: TicketAction): void;
  /** moves that are not ticket actions (reassigning to a person), after them */
  extra?: ReactNode;
}

/** Exactly the actions the server says this user may take now. */
export function ActionBar({ ticket, onAction, extra }: Props) {
  const { t } = useI18n();
  if (ticket.actions.length === 0 && !extra) return <Typography.Text type="secondary">{t('ticket.noActions')}</Typography.Text>;
  return (
    <Space wrap data-testid="ticket-actions">
      {ticket.actions.map((action) => (
        <Button
          key={action}
          type={primary.has(action) ? 'primary' : 'default'}
          danger={risky.has(action)}
          onClick={() => onAction(action)}
          data-testid={`action-${action}`}
        >
          {t(`ticket.action.${action}`)}
        </Button>
      ))}
      {extra}
    </Space>
  );
}
