import { Card, Col, Form, Layout, Row, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { LoginBody } from '../../../contracts/auth.js';
import { LanguageSwitch } from '../components/language-switch';
import { DemoAccountList } from '../features/login/demo-accounts';
import { LoginForm } from '../features/login/login-form';
import { useSession } from '../lib/auth';
import { useI18n } from '../lib/i18n';

export function LoginPage() {
  const { t } = useI18n();
  const { state, login } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [form] = Form.useForm<LoginBody>();

  if (state.status === 'signed-in') return <Navigate to={from} replace />;

  const submit = async (body: LoginBody) => {
    await login(body);
    void navigate(from, { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e8f1fc 0%, #f5f7fa 60%)' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
        <LanguageSwitch />
      </div>
      <Row justify="center" align="top" gutter={[24, 24]} style={{ padding: '5vh 16px' }}>
        <Col xs={24} sm={20} md={10} lg={8} xl={7}>
          <Typography.Title level={2} style={{ color: '#0a6bd6', marginBottom: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          <Card title={t('login.title')}>
            <LoginForm form={form} onSubmit={submit} />
          </Card>
        </Col>
        <Col xs={24} sm={20} md={12} lg={10} xl={8}>
          <DemoAccountList onPick={(username, password) => form.setFieldsValue({ username, password })} />
        </Col>
      </Row>
    </Layout>
  );
}
