import { Alert, App, Button, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import type { BookCallbackBody } from '../../../../contracts/callbacks.js';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

interface Props {
  customerPhone?: string;
  ticketNumber?: string;
  onBooked?(): void;
}

/** A hotline agent who cannot transfer the call online books a specialist's callback (DOMAIN.md §8). */
export function BookCallbackButton({ customerPhone, ticketNumber, onBooked }: Props) {
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const { t } = useI18n();
  if (!can('callback:book')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="callback-book">
        {t('callbacks.book')}
      </Button>
      {open && (
        <BookCallbackModal customerPhone={customerPhone} ticketNumber={ticketNumber} onClose={() => setOpen(false)} onBooked={onBooked} />
      )}
    </>
  );
}

function BookCallbackModal({ customerPhone, ticketNumber, onClose, onBooked }: Props & { onClose(): void }) {
  const { t, local, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BookCallbackBody>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const groups = useLoad(() => api.skillGroups().then((r) => r.items.filter((g) => g.isActive)), []);
  useEffect(() => {
    const first = groups.data?.[0];
    if (first && !form.getFieldValue('skillGroup')) form.setFieldValue('skillGroup', first.code);
  }, [groups.data, form]);

  const submit = async (v: BookCallbackBody) => {
    setBusy(true);
    setError(null);
    try {
      const notes = v.notes?.trim();
      const booked = await api.bookCallback({
        customerPhone: v.customerPhone.trim(),
        skillGroup: v.skillGroup,
        topic: v.topic.trim(),
        ...(notes ? { notes } : {}),
        ...(ticketNumber ? { ticketNumber } : {}),
        ...(v.language ? { language: v.language } : {}),
      });
      void message.success(t('callbacks.booked', { at: formatTime(booked.dueAt) }), 6);
      onBooked?.();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('callbacks.book')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('callbacks.book')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={{ 'data-testid': 'callback-book-submit' } as ButtonProps}
    >
      <Form<BookCallbackBody>
        form={form}
        layout="vertical"
        initialValues={{ customerPhone, language: 'zh-CN' }}
        onFinish={(v) => void submit(v)}
      >
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        {ticketNumber && <Alert type="info" title={t('callbacks.forTicket', { number: ticketNumber })} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="customerPhone"
          label={t('callbacks.customerPhone')}
          rules={[{ required: true, pattern: /^1[3-9][0-9]{9}$/, message: t('callbacks.phoneInvalid') }]}
        >
          <Input maxLength={11} data-testid="callback-phone" />
        </Form.Item>
        <Form.Item name="skillGroup" label={t('callbacks.skillGroup')} rules={[{ required: true }]}>
          <Select
            loading={groups.isLoading}
            options={(groups.data ?? []).map((g) => ({ value: g.code, label: local(g.name, g.nameEn) }))}
            data-testid="callback-group"
          />
        </Form.Item>
        <Form.Item name="topic" label={t('callbacks.topic')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} data-testid="callback-topic" />
        </Form.Item>
        <Form.Item name="notes" label={t('callbacks.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="language" label={t('callbacks.language')} extra={t('callbacks.languageHint')}>
          <Select
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
