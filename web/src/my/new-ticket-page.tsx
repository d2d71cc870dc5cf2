import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../lib/i18n';
import { myApi } from './my-client';

interface Values {
  description: string;
  city?: string;
  address?: string;
}

export function MyNewTicketPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const location = { ...(v.city ? { city: v.city } : {}), ...(v.address ? { address: v.address } : {}) };
      const filed = await myApi.file({ description: v.description.trim(), ...(Object.keys(location).length ? { location } : {}) });
      void message.success(t('my.new.done', { number: filed.number }));
      void navigate(`/my/tickets/${filed.number}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('my.new.title')} extra={<Button onClick={() => void navigate('/my')}>{t('my.ticket.back')}</Button>}>
      <Form<Values> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="description"
          label={t('my.new.description')}
          rules={[{ required: true, whitespace: true, message: t('my.new.description.required') }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid="my-new-description" />
        </Form.Item>
        <Form.Item name="city" label={t('my.new.city')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="address" label={t('my.new.address')}>
          <Input maxLength={200} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="my-new-submit">
          {t('my.new.submit')}
        </Button>
      </Form>
    </Card>
  );
}
