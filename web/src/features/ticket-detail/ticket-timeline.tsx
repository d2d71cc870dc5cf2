import { Timeline, Typography } from 'antd';
import type { TicketEvent } from '../../../../contracts/tickets.js';
import { StatusTag } from '../../components/ticket-tags';
import { formatTime } from '../../lib/format';
import { useI18n, type I18n, type MessageKey } from '../../lib/i18n';
import { ticketActions, type TicketAction } from '../../lib/vocabulary';

const colours: Record<string, string> = {
  accept: 'blue',
  dispatch: 'blue',
  reply: 'green',
  answer: 'green',
  close: 'gray',
  return: 'red',
  escalate: 'red',
};
// Free text the actor wrote, shown under the move; other data (versions, ids) is for the audit, not the reader.
const textKeys: Record<string, MessageKey> = {
  resolution: 'form.resolution',
  result: 'form.result',
  reason: 'form.reason',
  answer: 'form.answer',
};

const isAction = (action: string): action is TicketAction => (ticketActions as string[]).includes(action);

function actionName(action: string, t: I18n['t']): string {
  if (action === 'accept') return t('ticket.event.accept');
  return isAction(action) ? t(`ticket.action.${action}`) : action;
}

type UnitNames = (code: string, recorded: string) => string;

function EventBody({ event, unitName }: { event: TicketEvent; unitName: UnitNames }) {
  const { t } = useI18n();
  const { unitCode, unitName: recorded } = event.data;
  const unit = typeof unitCode === 'string' ? unitName(unitCode, typeof recorded === 'string' ? recorded : unitCode) : null;
  const lines = Object.entries(textKeys).flatMap(([k, label]) =>
    typeof event.data[k] === 'string' ? [`${t(label)}${t('common.colon')}${String(event.data[k])}`] : [],
  );
  return (
    <>
      {unit && <div>{`→ ${unit}`}</div>}
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {event.note && <Typography.Text type="secondary">{event.note}</Typography.Text>}
    </>
  );
}

/** Every move with who, when and why, oldest first. */
export function TicketTimeline({ events, unitName }: { events: TicketEvent[]; unitName: UnitNames }) {
  const { t, local } = useI18n();
  return (
    <Timeline
      data-testid="ticket-timeline"
      items={events.map((event) => ({
        key: event.id,
        color: colours[event.action] ?? 'blue',
        content: (
          <div data-testid={`timeline-${event.action}`} data-action={event.action}>
            <Typography.Text strong>{actionName(event.action, t)}</Typography.Text>{' '}
            {event.fromStatus && <StatusTag status={event.fromStatus} />}
            {event.fromStatus && event.toStatus && '→ '}
            {event.toStatus && <StatusTag status={event.toStatus} />}
            <div>
              <Typography.Text type="secondary">
                {formatTime(event.at)} · {event.actor ? event.actor.name : t('ticket.system')}
                {event.actor?.unit ? ` · ${local(event.actor.unit.name, event.actor.unit.nameEn)}` : ''}
              </Typography.Text>
            </div>
            <EventBody event={event} unitName={unitName} />
          </div>
        ),
      }))}
    />
  );
}
