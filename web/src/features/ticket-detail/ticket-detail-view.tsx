import { Alert, Button, Card, Col, Row, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../lib/api-client';
import { useMe } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useLiveRefresh } from '../../lib/live';
import { useLoad } from '../../lib/use-load';
import { ActionBar } from './action-bar';
import { ActionModal } from './action-modal';
import { AssignModal } from './assign-modal';
import { canReassign } from './reassign';
import { TicketFields } from './ticket-fields';
import { SlaPanel } from './sla-panel';
import { TicketHeader } from './ticket-header';
import { TicketTimeline, type UnitNames } from './ticket-timeline';
import { useTicket } from './use-ticket';
import { useTicketAction } from './use-ticket-action';
import { TicketCallbacks } from '../callbacks/ticket-callbacks';
import { TicketKnowledge } from '../knowledge/ticket-knowledge';
import { TicketRefunds } from '../refunds/ticket-refunds';
import { TicketSurvey } from '../surveys/ticket-survey';

/** One complaint: what it is, what happened to it, and what this user can do next. */
export function TicketDetailView({ idOrNumber }: { idOrNumber: string }) {
  const { t, errorText, local } = useI18n();
  const { ticket, events, error, isLoading, reload, refresh } = useTicket(idOrNumber);
  const me = useMe();
  const act = useTicketAction(ticket, reload);
  const [isReassigning, setReassigning] = useState(false);
  // someone else moved it, or a clock fired: show it, unless the user is filling in an action (their version
  // stays the one they saw, so a conflict is reported rather than silently acted over)
  useLiveRefresh(refresh, (e) => e.type !== 'notification' && e.ticketId === ticket?.id && act.action === null);
  const needsRouting = !!ticket && (ticket.actions.includes('dispatch') || ticket.actions.includes('transfer'));
  const categories = useLoad(() => (needsRouting ? api.categories().then((r) => r.items) : Promise.resolve([])), [needsRouting]);
  const proposedUnit = categories.data?.find((c) => c.code === ticket?.categoryCode)?.unit?.code ?? null;
  // the timeline records a unit's Chinese name; the unit list has it in both languages
  const units = useLoad(() => api.units().then((r) => r.items), []);
  const unitNames: UnitNames = {
    byCode: (code, recorded) => {
      const unit = units.data?.find((u) => u.code === code);
      return unit ? local(unit.name, unit.nameEn) : recorded;
    },
    byId: (id) => {
      const unit = units.data?.find((u) => u.id === id);
      return unit ? local(unit.name, unit.nameEn) : null;
    },
  };

  const initialValues = useMemo((): Record<string, unknown> => {
    const lastReply = [...events].reverse().find((e) => e.action === 'reply');
    const replyResult = typeof lastReply?.data.result === 'string' ? lastReply.data.result : ticket?.resolution;
    if (act.action === 'dispatch') return { unitCode: proposedUnit ?? undefined };
    if (act.action === 'answer') return { answer: replyResult ?? '' };
    if (act.action === 'reply') return { solved: true };
    return {};
  }, [act.action, events, ticket, proposedUnit]);

  if (!ticket) {
    if (isLoading) return <Spin size="large" style={{ display: 'block', margin: 64 }} />;
    return <Alert type="error" showIcon title={error ? errorText(error) : t('ticket.notFound', { id: idOrNumber })} />;
  }
  return (
    <Spin spinning={isLoading || act.isBusy} delay={300}>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TicketHeader
            ticket={ticket}
            actions={
              <ActionBar
                ticket={ticket}
                onAction={act.open}
                extra={
                  canReassign(me, ticket) && (
                    <Button onClick={() => setReassigning(true)} data-testid="action-reassign">
                      {t('ticket.reassign')}
                    </Button>
                  )
                }
              />
            }
          />
        </Col>
        <Col xs={24} xl={15}>
          <Card variant="borderless">
            <TicketFields ticket={ticket} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <TicketCallbacks ticket={ticket} onBooked={() => void refresh()} />
          <TicketKnowledge ticket={ticket} />
          <TicketRefunds ticket={ticket} onChanged={() => void refresh()} />
          <TicketSurvey ticket={ticket} onChanged={() => void refresh()} />
          <Card variant="borderless" title={t('sla.panel.title')} size="small" style={{ marginBottom: 16 }}>
            <SlaPanel ticket={ticket} />
          </Card>
          <Card variant="borderless" title={t('ticket.timeline')}>
            <TicketTimeline events={events} units={unitNames} />
          </Card>
        </Col>
      </Row>
      <ActionModal
        action={act.action}
        initialValues={initialValues}
        proposedUnit={proposedUnit}
        ticketId={ticket.id}
        isBusy={act.isBusy}
        error={act.error}
        onSubmit={(values) => void act.submit(values)}
        onCancel={act.cancel}
      />
      {isReassigning && <AssignModal ticket={ticket} onClose={() => setReassigning(false)} onDone={reload} />}
    </Spin>
  );
}
