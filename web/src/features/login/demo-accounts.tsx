import { Flex, Tag, Typography } from 'antd';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** Shown only while the server runs with the demo organisation. */
export function DemoAccountList({ onPick }: { onPick(username: string, password: string): void }) {
  const { t, local } = useI18n();
  const { data } = useLoad(() => api.demoAccounts(), []);
  if (!data?.demo || data.accounts.length === 0) return null;
  const password = data.password ?? '';
  return (
    <div data-testid="demo-accounts">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('login.demoTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('login.demoHint', { password })}</Typography.Paragraph>
      <div style={{ border: '1px solid #e5e7eb', borderRadius: 8, background: '#fff' }}>
        {data.accounts.map((account, i) => (
          <Flex
            key={account.username}
            justify="space-between"
            align="center"
            role="button"
            tabIndex={0}
            onClick={() => onPick(account.username, password)}
            onKeyDown={(e) => e.key === 'Enter' && onPick(account.username, password)}
            style={{ cursor: 'pointer', padding: '8px 16px', borderTop: i ? '1px solid #f0f0f0' : undefined }}
            data-testid={`demo-account-${account.username}`}
          >
            <Typography.Text code>{account.username}</Typography.Text>
            <span>
              {account.displayName} <Tag>{t(`role.${account.role}`)}</Tag>
              <Typography.Text type="secondary">{local(account.unitName, account.unitNameEn)}</Typography.Text>
            </span>
          </Flex>
        ))}
      </div>
    </div>
  );
}
