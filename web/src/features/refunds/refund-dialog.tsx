import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Refund } from '../../../../contracts/refunds.js';
import type { TicketView } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';
import { useMe } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { fenToYuan, yuanToFen } from './money';

/** Refund first, verify later: the amount in yuan and why; within the limit it is granted at once. */
export function RefundDialog({ ticket, onClose, onDone }: { ticket: TicketView; onClose(): void; onDone(r: Refund): void }) {
  const { t, errorText } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<{ amount: string; reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const policy = useLoad(() => api.refundPolicy(), []);
  const limit = policy.data?.roleLimits[me.role];

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      onDone(await api.requestRefund(ticket.id, { amount: yuanToFen(values.amount)!, reason: values.reason.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('refunds.dialog.title', { number: ticket.number })}
      okText={t('refunds.dialog.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {limit !== undefined && policy.data && (
        <Typography.Paragraph type="secondary" data-testid="refund-limit">
          {t('refunds.dialog.limit', { limit: fenToYuan(limit), credit: policy.data.minCreditLevel })}
        </Typography.Paragraph>
      )}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="amount"
          label={t('refunds.amountYuan')}
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                const fen = v ? yuanToFen(v) : null;
                if (fen === null || fen < 1) throw new Error(t('refunds.amountInvalid'));
              },
            },
          ]}
        >
          <Input inputMode="decimal" prefix="¥" data-testid="refund-amount" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('refunds.reason')}
          rules={[{ required: true, whitespace: true, message: t('refunds.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="refund-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
