import { App, Button, Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Sample, SampleList } from '../../../../contracts/quality.js';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { ScoreModal } from './score-modal';
import { isoWeek } from './score-values';

const reasonColor = { share: 'blue', repeat: 'orange', unsatisfied: 'red' } as const;

/** The week's sampled tickets: draw them with a seed (the same seed draws the same tickets), then score each. */
export function SampleQueue() {
  const { t, local, errorText } = useI18n();
  const { message } = App.useApp();
  const [week, setWeek] = useState(() => isoWeek(new Date(Date.now() - 7 * 86_400_000)));
  const [seed, setSeed] = useState('');
  const [preview, setPreview] = useState<SampleList | null>(null);
  const [scoring, setScoring] = useState<Sample | null>(null);
  const validWeek = /^\d{4}-W\d{2}$/.test(week);
  const stored = useLoad(() => (validWeek ? api.inspectionSamples(week) : Promise.resolve(null)), [week, validWeek]);
  const forms = useLoad(() => api.inspectionForms().then((r) => r.items), []);
  const shown = preview ?? stored.data;

  const draw = async (dryRun: boolean) => {
    try {
      const r = await api.drawSample({ week, seed: seed.trim(), ...(dryRun ? { dryRun: true } : {}) });
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        await stored.reload();
      }
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };

  const columns: TableColumnsType<Sample> = [
    { title: t('quality.ticket'), key: 't', render: (_, s) => <Link to={`/tickets/${s.ticket.number}`}>{s.ticket.number}</Link> },
    { title: t('quality.closedAt'), key: 'c', render: (_, s) => formatTime(s.ticket.closedAt) },
    { title: t('quality.agent'), key: 'a', render: (_, s) => s.agent?.name },
    { title: t('quality.unit'), key: 'u', render: (_, s) => s.unit && local(s.unit.name, s.unit.nameEn) },
    { title: t('quality.reason'), key: 'r', render: (_, s) => <Tag color={reasonColor[s.reason]}>{t(`quality.reason.${s.reason}`)}</Tag> },
    {
      title: '',
      key: 'do',
      render: (_, s) =>
        s.inspectionId ? (
          <Tag color="green">{t('quality.inspected')}</Tag>
        ) : (
          !preview && (
            <Button size="small" type="primary" onClick={() => setScoring(s)} data-testid={`inspect-${s.ticket.id}`}>
              {t('quality.inspect')}
            </Button>
          )
        ),
    },
  ];

  return (
    <Card variant="borderless">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          addonBefore={t('quality.week')}
          data-testid="sample-week"
          value={week}
          onChange={(e) => {
            setWeek(e.target.value.trim());
            setPreview(null);
          }}
          style={{ width: 200 }}
        />
        <Input
          addonBefore={t('quality.seed')}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          style={{ width: 220 }}
          data-testid="sample-seed"
        />
        <Button disabled={!validWeek || !seed.trim()} onClick={() => void draw(true)}>
          {t('quality.preview')}
        </Button>
        <Button type="primary" disabled={!validWeek || !seed.trim()} onClick={() => void draw(false)} data-testid="sample-draw">
          {t('quality.draw')}
        </Button>
        {shown?.seed && (
          <Typography.Text type="secondary">{t(preview ? 'quality.previewOf' : 'quality.drawnWith', { seed: shown.seed })}</Typography.Text>
        )}
      </Space>
      <Table rowKey={(s) => s.ticket.id} size="small" loading={stored.isLoading} columns={columns} dataSource={shown?.items ?? []} />
      {scoring && (
        <ScoreModal
          title={t('quality.scoreTitle', { number: scoring.ticket.number })}
          forms={forms.data ?? []}
          onClose={() => setScoring(null)}
          onSubmit={async (v) => {
            await api.inspect({ ticketId: scoring.ticket.id, ...v });
            setScoring(null);
            void message.success(t('quality.saved'));
            await stored.reload();
          }}
        />
      )}
    </Card>
  );
}
