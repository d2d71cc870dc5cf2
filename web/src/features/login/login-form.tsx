import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, type FormInstance } from 'antd';
import { useState } from 'react';
import type { LoginBody } from '../../../../contracts/auth.js';
import { useI18n } from '../../lib/i18n';

interface Props {
  form: FormInstance<LoginBody>;
  onSubmit(body: LoginBody): Promise<unknown>;
}

export function LoginForm({ form, onSubmit }: Props) {
  const { t, errorText } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (body: LoginBody) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(body) => void submit(body)} requiredMark={false} size="large">
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('error.validation.required') }]}>
        <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('error.validation.required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={isBusy} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}
