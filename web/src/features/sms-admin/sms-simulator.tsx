import { Alert, Button, Card, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SimulatedMessage } from '../../../../contracts/sms.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';

interface SendForm {
  from: string;
  extension?: string;
  text: string;
}

/** A customer's phone on the built-in simulator: send a command, read what the system answered. */
export function SmsSimulator({ isAvailable }: { isAvailable: boolean }) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<SendForm>();
  const [messages, setMessages] = useState<SimulatedMessage[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  if (!isAvailable) return <Alert type="info" showIcon title={t('sms.simulator.off')} />;

  const run = async (call: Promise<{ items: SimulatedMessage[] }>) => {
    setBusy(true);
    setError(null);
    try {
      setMessages((await call).items);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const send = (v: SendForm) => {
    void run(api.simulatorSend({ from: v.from, text: v.text, ...(v.extension ? { extension: v.extension } : {}) }));
    form.setFieldValue('text', '');
  };

  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary">{t('sms.simulator.hint')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Form<SendForm> form={form} layout="vertical" initialValues={{ from: '13800138000' }} onFinish={send} style={{ maxWidth: 480 }}>
        <Space align="end" wrap>
          <Form.Item name="from" label={t('sms.simulator.phone')} rules={[{ required: true, pattern: /^1[3-9][0-9]{9}$/ }]}>
            <Input maxLength={11} style={{ width: 160 }} data-testid="sms-sim-phone" />
          </Form.Item>
          <Form.Item name="extension" label={t('sms.simulator.extension')} rules={[{ pattern: /^[0-9]{1,8}$/ }]}>
            <Input maxLength={8} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button onClick={() => void form.validateFields(['from']).then((v) => run(api.simulatorMessages(v.from)))}>
              {t('sms.outbox.refresh')}
            </Button>
          </Form.Item>
        </Space>
        <Form.Item name="text" label={t('sms.simulator.text')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="sms-sim-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy} data-testid="sms-sim-send">
          {t('sms.simulator.send')}
        </Button>
      </Form>
      <List<SimulatedMessage>
        style={{ marginTop: 16, maxWidth: 480 }}
        dataSource={messages}
        locale={{ emptyText: <Empty description={t('sms.simulator.empty')} /> }}
        renderItem={(m) => (
          <List.Item style={{ justifyContent: m.direction === 'in' ? 'flex-end' : 'flex-start' }} data-testid={`sms-sim-${m.direction}`}>
            <Space direction="vertical" size={0} style={{ textAlign: m.direction === 'in' ? 'right' : 'left' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Tag color={m.direction === 'in' ? 'blue' : 'green'}>
                  {t(m.direction === 'in' ? 'sms.simulator.in' : 'sms.simulator.out')}
                </Tag>
                {m.direction === 'in' ? m.to : m.from} · {new Date(m.at).toLocaleTimeString()}
              </Typography.Text>
              <Typography.Text>{m.text}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
