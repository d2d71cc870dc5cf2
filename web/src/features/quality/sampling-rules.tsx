import { App, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import type { SamplingRules } from '../../../../contracts/quality.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** The administrator's sampling rules. */
export function SamplingRulesForm() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SamplingRules>();
  const rules = useLoad(() => api.samplingRules(), []);
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);
  const save = async () => {
    try {
      await api.saveSamplingRules(await form.validateFields());
      void message.success(t('quality.saved'));
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };
  return (
    <Card variant="borderless" title={t('quality.rules.title')}>
      <Form form={form} layout="vertical" style={{ maxWidth: 400 }}>
        <Form.Item name="sharePercent" label={t('quality.rules.share')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={0} addonAfter="%" />
        </Form.Item>
        <Form.Item name="repeatComplaints" label={t('quality.rules.repeat')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="unsatisfiedSurveys" label={t('quality.rules.unsatisfied')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
