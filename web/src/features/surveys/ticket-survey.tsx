import { App, Button, Card, Descriptions, Input, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TicketView } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

const statusColor = { pending: 'blue', answered: 'green', expired: 'default' } as const;

/** On a closed ticket: the satisfaction survey, and the agent's entry of an answer given by phone. */
export function TicketSurvey({ ticket, onChanged }: { ticket: TicketView; onChanged(): void }) {
  const { t, errorText } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [isBusy, setBusy] = useState(false);
  const survey = useLoad(() => api.ticketSurvey(ticket.id).then((r) => r.survey), [ticket.id, ticket.version]);
  const s = survey.data;
  if (!s) return null;

  const record = async () => {
    setBusy(true);
    try {
      const r = await api.recordSurvey(ticket.id, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      void message.info(t(`surveys.result.${r.result}`));
      await survey.reload();
      onChanged();
    } catch (e) {
      void message.error(errorText(e), 5);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="borderless" size="small" title={t('surveys.title')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('surveys.status')}>
          <Tag color={statusColor[s.status]} data-testid="survey-status">
            {t(`surveys.status.${s.status}`)}
          </Tag>
          <Typography.Text type="secondary">{t(`surveys.channel.${s.channel}`)}</Typography.Text>
        </Descriptions.Item>
        {s.score !== null && (
          <Descriptions.Item label={t('surveys.score')}>
            <Space>
              <Rate disabled value={s.score} />
              {s.answeredVia && <Typography.Text type="secondary">{t(`surveys.via.${s.answeredVia}`)}</Typography.Text>}
            </Space>
          </Descriptions.Item>
        )}
        {s.comment && <Descriptions.Item label={t('surveys.comment')}>{s.comment}</Descriptions.Item>}
        <Descriptions.Item label={s.answeredAt ? t('surveys.answeredAt') : t('surveys.expiresAt')}>
          {formatTime(s.answeredAt ?? s.expiresAt)}
        </Descriptions.Item>
      </Descriptions>
      {s.status === 'pending' && can('survey:record') && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('surveys.recordHint')}</Typography.Text>
          <Rate value={score} onChange={setScore} data-testid="survey-score" />
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('surveys.comment')}
          />
          <Button
            type="primary"
            size="small"
            disabled={score < 1}
            loading={isBusy}
            onClick={() => void record()}
            data-testid="survey-record"
          >
            {t('surveys.record')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
