import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { FormItem, InspectionForm } from '../../../../contracts/quality.js';
import { useI18n } from '../../lib/i18n';
import { itemScores, weightedTotal } from './score-values';

export interface ScoreValues {
  formId: number;
  items: { key: string; score: number }[];
  comment?: string;
}

/** Scoring a ticket against a form, item by item (0–100), the weighted total shown as it is typed. */
export function ScoreModal({
  title,
  forms,
  fixedFormId,
  onSubmit,
  onClose,
}: {
  title: string;
  forms: InspectionForm[];
  /** a revised appeal is scored on the form of the original inspection */
  fixedFormId?: number;
  onSubmit(v: ScoreValues): Promise<void>;
  onClose(): void;
}) {
  const { t, local, errorText } = useI18n();
  const active = forms.filter((f) => f.isActive || f.id === fixedFormId);
  const [formId, setFormId] = useState<number | undefined>(fixedFormId ?? active[0]?.id);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const items: FormItem[] = active.find((f) => f.id === formId)?.items ?? [];
  const complete = items.length > 0 && items.every((i) => typeof scores[i.key] === 'number');

  const submit = async () => {
    if (!formId || !complete) return;
    setBusy(true);
    try {
      await onSubmit({ formId, items: itemScores(items, scores), ...(comment.trim() ? { comment: comment.trim() } : {}) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !complete }}
      confirmLoading={isBusy}
      okText={t('quality.submit')}
      cancelText={t('common.cancel')}
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Form layout="horizontal" labelCol={{ span: 14 }} wrapperCol={{ span: 10 }}>
        {fixedFormId === undefined && (
          <Form.Item label={t('quality.form')}>
            <Select value={formId} onChange={(v) => setFormId(v)} options={active.map((f) => ({ value: f.id, label: f.name }))} />
          </Form.Item>
        )}
        {items.map((i) => (
          <Form.Item key={i.key} label={`${local(i.labelZh, i.labelEn)} (${i.weight})`}>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              value={scores[i.key] ?? null}
              onChange={(v) => setScores({ ...scores, [i.key]: v })}
              data-testid={`score-${i.key}`}
            />
          </Form.Item>
        ))}
      </Form>
      <Typography.Paragraph strong data-testid="score-total">
        {t('quality.total', { score: weightedTotal(items, scores) })}
      </Typography.Paragraph>
      {fixedFormId === undefined && (
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('quality.comment')}
        />
      )}
    </Modal>
  );
}
