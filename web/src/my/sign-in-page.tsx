import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { isCode, isPhone } from './image-file';
import { useCustomer } from './my-app';
import { myApi } from './my-client';

export function MySignInPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const { signedIn } = useCustomer();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    setError(null);
    try {
      await myApi.requestCode(phone);
      setSent(true);
      setWait(60);
      void message.success(t('my.signIn.codeSent'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const me = await myApi.signIn(phone, code);
      signedIn(me.phone);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('my.signIn.title')}>
      <Typography.Paragraph type="secondary">{t('my.signIn.intro')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Input
          size="large"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          placeholder={t('my.signIn.phone')}
          value={phone}
          onChange={(e) => setPhone(e.target.value.replace(/[^0-9]/g, ''))}
          data-testid="my-phone"
          status={phone.length === 11 && !isPhone(phone) ? 'error' : undefined}
        />
        <Space.Compact style={{ width: '100%' }}>
          <Input
            size="large"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('my.signIn.code')}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/[^0-9]/g, ''))}
            data-testid="my-code"
          />
          <Button size="large" disabled={!isPhone(phone) || wait > 0} onClick={() => void sendCode()} data-testid="my-send-code">
            {wait > 0 ? t('my.signIn.resendIn', { seconds: wait }) : t('my.signIn.sendCode')}
          </Button>
        </Space.Compact>
        {error && <Alert type="error" showIcon message={error} data-testid="my-sign-in-error" />}
        <Button
          type="primary"
          size="large"
          block
          loading={busy}
          disabled={!sent || !isPhone(phone) || !isCode(code)}
          onClick={() => void submit()}
          data-testid="my-sign-in"
        >
          {t('my.signIn.submit')}
        </Button>
      </Space>
    </Card>
  );
}
