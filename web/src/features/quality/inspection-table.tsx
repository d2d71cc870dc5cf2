import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Inspection, InspectionListQuery } from '../../../../contracts/quality.js';
import { api } from '../../lib/api-client';
import { useMe, useSession } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { ScoreModal } from './score-modal';

const statusColor = { scored: 'blue', appealed: 'orange', decided: 'green' } as const;

/** Inspection results: one's own (with the one appeal), or all of them for inspectors (deciding others' appeals). */
export function InspectionTable({ scope }: { scope: 'mine' | 'all' }) {
  const { t, local, errorText } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const { message } = App.useApp();
  const [status, setStatus] = useState<InspectionListQuery['status']>(scope === 'all' ? 'appealed' : undefined);
  const [appealing, setAppealing] = useState<Inspection | null>(null);
  const [deciding, setDeciding] = useState<Inspection | null>(null);
  const list = useLoad(() => api.inspections({ scope, ...(status ? { status } : {}) }).then((r) => r.items), [scope, status]);
  const forms = useLoad(() => api.inspectionForms().then((r) => r.items), []);
  const reload = () => void list.reload();

  const columns: TableColumnsType<Inspection> = [
    { title: t('quality.ticket'), key: 't', render: (_, i) => <Link to={`/tickets/${i.ticket.number}`}>{i.ticket.number}</Link> },
    ...(scope === 'all' ? [{ title: t('quality.agent'), key: 'a', render: (_: unknown, i: Inspection) => i.agent?.name }] : []),
    { title: t('quality.inspector'), key: 'i', render: (_, i) => i.inspector?.name },
    { title: t('quality.score'), key: 's', render: (_, i) => (i.finalScore !== i.score ? `${i.score} → ${i.finalScore}` : i.score) },
    { title: t('quality.month'), dataIndex: 'month' },
    { title: t('quality.status'), key: 'st', render: (_, i) => <Tag color={statusColor[i.status]}>{t(`quality.status.${i.status}`)}</Tag> },
    {
      title: '',
      key: 'do',
      render: (_, i) => (
        <Space size={4}>
          {i.status === 'scored' && i.agent?.id === me.id && can('quality:appeal') && (
            <Button size="small" onClick={() => setAppealing(i)} data-testid={`appeal-${i.id}`}>
              {t('quality.appeal')}
            </Button>
          )}
          {i.status === 'appealed' && can('quality:inspect') && i.inspector?.id !== me.id && (
            <Button size="small" type="primary" onClick={() => setDeciding(i)}>
              {t('quality.decide')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const details = (i: Inspection) => (
    <Space direction="vertical" size={2}>
      {(i.decidedItems ?? i.items).map((it) => (
        <Typography.Text key={it.key}>
          {local(it.labelZh, it.labelEn)} ({it.weight}): {i.items.find((x) => x.key === it.key)?.score}
          {i.decidedItems && ` → ${it.score}`}
        </Typography.Text>
      ))}
      {i.comment && (
        <Typography.Text type="secondary">
          {t('quality.comment')}: {i.comment}
        </Typography.Text>
      )}
      {i.appealReason && (
        <Typography.Text>
          {t('quality.appealReason')}: {i.appealReason} ({formatTime(i.appealedAt)})
        </Typography.Text>
      )}
      {i.decision && (
        <Typography.Text>
          {t(`quality.decision.${i.decision}`)} · {i.decider?.name}: {i.decisionNote}
        </Typography.Text>
      )}
    </Space>
  );

  return (
    <Card variant="borderless" title={scope === 'mine' ? t('quality.mine.title') : undefined}>
      <Radio.Group
        style={{ marginBottom: 16 }}
        optionType="button"
        value={status ?? 'any'}
        onChange={(e) => setStatus(e.target.value === 'any' ? undefined : (e.target.value as InspectionListQuery['status']))}
        options={(['any', 'scored', 'appealed', 'decided'] as const).map((s) => ({
          value: s,
          label: t(s === 'any' ? 'quality.status.any' : `quality.status.${s}`),
        }))}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data ?? []}
        expandable={{ expandedRowRender: details }}
      />
      {appealing && (
        <AppealModal
          inspection={appealing}
          onClose={() => setAppealing(null)}
          onDone={() => {
            setAppealing(null);
            reload();
          }}
        />
      )}
      {deciding && (
        <DecideModal
          inspection={deciding}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            reload();
          }}
          forms={forms.data ?? []}
          onError={(e) => void message.error(errorText(e), 5)}
        />
      )}
    </Card>
  );
}

function AppealModal({ inspection, onClose, onDone }: { inspection: Inspection; onClose(): void; onDone(): void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await api.appealInspection(inspection.id, { reason: reason.trim() });
      onDone();
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };
  return (
    <Modal
      open
      title={t('quality.appealTitle', { number: inspection.ticket.number })}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !reason.trim() }}
      okText={t('quality.appeal')}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph type="secondary">{t('quality.appealOnce')}</Typography.Paragraph>
      <Input.TextArea rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="appeal-reason" />
    </Modal>
  );
}

function DecideModal({
  inspection,
  forms,
  onClose,
  onDone,
  onError,
}: {
  inspection: Inspection;
  forms: Parameters<typeof ScoreModal>[0]['forms'];
  onClose(): void;
  onDone(): void;
  onError(e: unknown): void;
}) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'upheld' | 'revised'>('upheld');
  const [note, setNote] = useState('');
  const [isRescoring, setRescoring] = useState(false);
  const upheld = async () => {
    try {
      await api.decideAppeal(inspection.id, { decision: 'upheld', note: note.trim() });
      onDone();
    } catch (e) {
      onError(e);
    }
  };
  if (isRescoring)
    return (
      <ScoreModal
        title={t('quality.reviseTitle', { number: inspection.ticket.number })}
        forms={forms}
        fixedFormId={inspection.form.id}
        onClose={() => setRescoring(false)}
        onSubmit={async (v) => {
          await api.decideAppeal(inspection.id, { decision: 'revised', note: note.trim(), items: v.items });
          onDone();
        }}
      />
    );
  return (
    <Modal
      open
      title={t('quality.decideTitle', { number: inspection.ticket.number })}
      onOk={() => (decision === 'upheld' ? void upheld() : setRescoring(true))}
      onCancel={onClose}
      okButtonProps={{ disabled: !note.trim() }}
      okText={decision === 'upheld' ? t('quality.decide') : t('quality.rescore')}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph>
        {t('quality.appealReason')}: {inspection.appealReason}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('quality.decision')}>
          <Select
            value={decision}
            onChange={setDecision}
            options={(['upheld', 'revised'] as const).map((d) => ({ value: d, label: t(`quality.decision.${d}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('quality.decisionNote')}>
          <Input.TextArea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
