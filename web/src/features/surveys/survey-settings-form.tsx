import { App, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import type { SurveySettings } from '../../../../contracts/surveys.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** How surveys go out, how long they stay open, and which score counts as unsatisfied. */
export function SurveySettingsForm() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveySettings>();
  const settings = useLoad(() => api.surveySettings(), []);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = async () => {
    try {
      await api.saveSurveySettings(await form.validateFields());
      void message.success(t('quality.saved'));
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };
  return (
    <Card variant="borderless" title={t('surveys.settings.title')}>
      <Form form={form} layout="vertical" style={{ maxWidth: 400 }}>
        <Form.Item name="viaSms" label={t('surveys.settings.viaSms')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="unsatisfiedAtMost" label={t('surveys.settings.unsatisfied')} rules={[{ required: true }]}>
          <InputNumber min={1} max={4} precision={0} />
        </Form.Item>
        <Form.Item name="expiresAfterDays" label={t('surveys.settings.expires')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Button type="primary" onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
