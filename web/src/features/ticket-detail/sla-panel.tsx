import { Descriptions, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { TicketView } from '../../../../contracts/tickets.js';
import { SlaOutcomeTag, SlaStateTag } from '../../components/sla-tags';
import { TimeLeft } from '../../components/time-left';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { formatDuration, minutesToHours } from '../../lib/time-left';
import type { SlaState } from '../../lib/vocabulary';

type Items = NonNullable<DescriptionsProps['items']>;

function Clock({ state, rows, left }: { state: SlaState | null; rows: [string, string][]; left: ReactNode }) {
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        {state && <SlaStateTag state={state} />}
        {left}
      </Space>
      {rows.map(([label, value]) => (
        <Typography.Text key={label} type="secondary" style={{ fontSize: 12 }}>
          {`${label} ${value}`}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Every clock the ticket runs against, with the policy that set them. */
export function SlaPanel({ ticket }: { ticket: TicketView }) {
  const { t } = useI18n();
  const { sla } = ticket;
  const hours = (minutes: number) => t('sla.hours', { n: minutesToHours(minutes) });
  const done = <Typography.Text type="secondary">{t('sla.panel.done')}</Typography.Text>;
  const isAnswered = ticket.answeredAt !== null || ticket.status === 'closed';

  const reply =
    sla.replyState === 'none' ? (
      // closed at first contact, no work order ever travelled
      <Typography.Text type="secondary">{isAnswered ? t('common.none') : t('sla.panel.notStarted')}</Typography.Text>
    ) : (
      <Clock
        state={sla.replyState}
        left={
          sla.outcome ? (
            <SlaOutcomeTag outcome={sla.outcome} />
          ) : (
            <TimeLeft clock={{ state: sla.replyState, dueAt: sla.replyDueAt, paused: sla.paused }} testId="sla-reply-left" />
          )
        }
        rows={[
          [t('sla.panel.warnAt'), formatTime(sla.warnAt)],
          [t('sla.panel.dueAt'), formatTime(sla.replyDueAt)],
          [t('sla.panel.problemAt'), formatTime(sla.problemAt)],
        ]}
      />
    );
  const answer = (
    <Clock
      state={sla.answerState}
      left={isAnswered ? done : <TimeLeft clock={{ state: sla.answerState, dueAt: sla.answerDueAt, paused: sla.paused }} />}
      rows={[
        [t('sla.panel.warnAt'), formatTime(sla.answerWarnAt)],
        [t('sla.panel.dueAt'), formatTime(sla.answerDueAt)],
      ]}
    />
  );
  // the regulator's days run on whatever the operator does: the legal clock never pauses
  const legal = (
    <Clock
      state={sla.legalState}
      left={isAnswered ? done : <TimeLeft clock={{ state: sla.legalState, dueAt: sla.legalDueAt, paused: false }} />}
      rows={[[t('sla.panel.dueAt'), formatTime(sla.legalDueAt)]]}
    />
  );
  const limits = t('sla.panel.limits', {
    reply: hours(sla.policy.replyMinutes),
    problem: hours(sla.policy.problemMinutes),
    warn: sla.policy.warnPercent,
    answer: hours(sla.policy.answerMinutes),
  });
  const items: Items = [
    { key: 'reply', label: t('sla.panel.reply'), children: reply },
    { key: 'answer', label: t('sla.panel.answer'), children: answer },
    { key: 'legal', label: t('sla.panel.legal'), children: legal },
  ];
  // taken up once it has travelled to a department or been answered
  if (sla.regulatorAcceptDueAt && sla.acceptState) {
    const takenUp = isAnswered || sla.replyState !== 'none';
    items.push({
      key: 'regulator',
      label: t('sla.panel.regulatorAccept'),
      children: (
        <Clock
          state={sla.acceptState}
          left={takenUp ? done : <TimeLeft clock={{ state: sla.acceptState, dueAt: sla.regulatorAcceptDueAt, paused: false }} />}
          rows={[[t('sla.panel.dueAt'), formatTime(sla.regulatorAcceptDueAt)]]}
        />
      ),
    });
  }
  items.push({
    key: 'policy',
    label: t('sla.panel.policy'),
    children: (
      <Space orientation="vertical" size={0}>
        <Typography.Text data-testid="sla-policy-name">
          {sla.policy.id === null ? t('sla.panel.defaultPolicy') : sla.policy.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {limits}
        </Typography.Text>
      </Space>
    ),
  });
  if (sla.pausedMs > 0 || sla.paused)
    items.push({
      key: 'paused',
      label: t('sla.panel.pausedTime'),
      children: (
        <Space size={4} wrap>
          {sla.pausedMs > 0 && formatDuration(sla.pausedMs, t)}
          {sla.paused && <Tag color="gold">{t('sla.panel.pausedNow')}</Tag>}
        </Space>
      ),
    });
  return (
    <div data-testid="sla-panel">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text>{t('sla.panel.state')}</Typography.Text>
        <SlaStateTag state={sla.state} testId="sla-state" />
        <TimeLeft clock={sla} testId="sla-time-left" />
      </Space>
      <Descriptions bordered size="small" column={1} items={items} styles={{ label: { whiteSpace: 'nowrap', width: 1 } }} />
    </div>
  );
}
