import { Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import type { TicketEvent } from '../../../../contracts/tickets.js';
import { StatusTag } from '../../components/ticket-tags';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { peopleNamed } from './assignment-lines';
import { actionName, eventLines, type UnitNames } from './timeline-lines';

const colours: Record<string, string> = {
  accept: 'blue',
  dispatch: 'blue',
  reply: 'green',
  answer: 'green',
  close: 'gray',
  return: 'red',
  escalate: 'red',
  'sla.warning': 'orange',
  'sla.answer_warning': 'orange',
  'sla.legal_warning': 'orange',
  'sla.accept_warning': 'orange',
  'sla.overdue': 'red',
  'sla.answer_overdue': 'red',
  'sla.legal_overdue': 'red',
  'sla.accept_overdue': 'red',
  'sla.problem': 'magenta',
  assign: 'cyan',
  unassign: 'orange',
};
/** Every move with who, when and why, oldest first; the system's own moves (clocks, automatic escalation) too. */
export type { UnitNames };

export function TicketTimeline({ events, units }: { events: TicketEvent[]; units: UnitNames }) {
  const { t, local } = useI18n();
  const people = useMemo(() => peopleNamed(events), [events]);
  return (
    <Timeline
      data-testid="ticket-timeline"
      items={events.map((event) => ({
        key: event.id,
        color: colours[event.action] ?? 'blue',
        content: (
          <div data-testid={`timeline-${event.action}`} data-action={event.action} data-system={event.actor === null}>
            <Typography.Text strong>{actionName(event, t)}</Typography.Text>{' '}
            {event.fromStatus && event.fromStatus !== event.toStatus && <StatusTag status={event.fromStatus} />}
            {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && '→ '}
            {event.toStatus && event.fromStatus !== event.toStatus && <StatusTag status={event.toStatus} />}
            <div>
              <Typography.Text type="secondary">
                {formatTime(event.at)} · {event.actor ? event.actor.name : t('ticket.system')}
                {event.actor?.unit ? ` · ${local(event.actor.unit.name, event.actor.unit.nameEn)}` : ''}
              </Typography.Text>
            </div>
            {eventLines(event, units, t, people).map((line) => (
              <div key={line}>{line}</div>
            ))}
            {event.note && <Typography.Text type="secondary">{event.note}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}
