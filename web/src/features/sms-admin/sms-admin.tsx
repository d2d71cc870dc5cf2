import { Alert, Card, Tabs } from 'antd';
import { api } from '../../lib/api-client';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { SmsKeywords } from './sms-keywords';
import { SmsOutbox } from './sms-outbox';
import { SmsSimulator } from './sms-simulator';
import { SmsTemplates } from './sms-templates';

/** The SMS link for administrators: its state, command keywords, templates, the outbox and the simulator's phone. */
export function SmsAdmin() {
  const { t } = useI18n();
  const status = useLoad(() => api.smsStatus(), []);
  const s = status.data;
  return (
    <Card title={t('sms.title')} variant="borderless">
      {s && (
        <Alert
          style={{ marginBottom: 16 }}
          type={s.gateway === null ? 'warning' : s.state === 'up' ? 'success' : 'error'}
          showIcon
          title={
            s.gateway === null
              ? t('sms.status.none')
              : t('sms.status.link', {
                  gateway: s.gateway.toUpperCase(),
                  state: t(`sms.state.${s.state}` as MessageKey),
                  number: s.serviceNumber,
                })
          }
        />
      )}
      <Tabs
        items={[
          { key: 'keywords', label: t('sms.tab.keywords'), children: <SmsKeywords /> },
          { key: 'templates', label: t('sms.tab.templates'), children: <SmsTemplates /> },
          { key: 'outbox', label: t('sms.tab.outbox'), children: <SmsOutbox /> },
          { key: 'simulator', label: t('sms.tab.simulator'), children: <SmsSimulator isAvailable={s?.gateway === 'simulator'} /> },
        ]}
      />
    </Card>
  );
}
