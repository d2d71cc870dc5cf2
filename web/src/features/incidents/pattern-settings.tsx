import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { IncidentSettings, RepeatSettings } from '../../../../contracts/incidents.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** One settings form: load, edit, save, say so. */
function SettingsCard<T extends object>({
  title,
  load,
  save,
  children,
}: {
  title: string;
  load: () => Promise<T>;
  save: (v: T) => Promise<T>;
  children: React.ReactNode;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const current = useLoad(load, []);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data as Parameters<typeof form.setFieldsValue>[0]);
  }, [current.data, form]);
  const submit = async (values: T) => {
    setError(null);
    try {
      form.setFieldsValue((await save(values)) as Parameters<typeof form.setFieldsValue>[0]);
      void message.success(t('common.saved'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card title={title} variant="borderless" loading={current.isLoading} style={{ marginTop: 16 }}>
      <Form<T> form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 640 }}>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        {children}
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** Repeat-complaint settings and the text customers get when their incident is solved. */
export function PatternSettings() {
  const { t, local } = useI18n();
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const firstLevels = (categories.data ?? []).filter((c) => c.parentCode === null);
  return (
    <>
      <SettingsCard<RepeatSettings> title={t('repeats.admin.title')} load={api.repeatSettings} save={api.saveRepeatSettings}>
        <Form.Item name="windowDays" label={t('repeats.admin.windowDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Form.Item name="priorityStep" label={t('repeats.admin.priorityStep')} rules={[{ required: true }]}>
          <InputNumber min={0} max={3} precision={0} />
        </Form.Item>
        <Form.Item name="firstLevelCategories" label={t('repeats.admin.firstLevelCategories')} extra={t('repeats.admin.firstLevelHint')}>
          <Select mode="multiple" options={firstLevels.map((c) => ({ value: c.code, label: `${c.code} ${local(c.nameZh, c.nameEn)}` }))} />
        </Form.Item>
        <Form.Item name="routeToEarlier" label={t('repeats.admin.routeToEarlier')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </SettingsCard>
      <SettingsCard<IncidentSettings> title={t('incidents.admin.sms')} load={api.incidentSettings} save={api.saveIncidentSettings}>
        <Typography.Paragraph type="secondary">{t('incidents.admin.smsHint')}</Typography.Paragraph>
        <Form.Item name="smsLanguage" label={t('incidents.admin.smsLanguage')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item name="smsTemplateZh" label={t('incidents.admin.smsTemplateZh')} rules={[{ required: true, max: 300 }]}>
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
        <Form.Item name="smsTemplateEn" label={t('incidents.admin.smsTemplateEn')} rules={[{ required: true, max: 300 }]}>
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
      </SettingsCard>
    </>
  );
}
