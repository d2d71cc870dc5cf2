import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../../contracts/permissions.js';
import { useSession } from '../lib/auth';
import { useI18n } from '../lib/i18n';

export function RequireSession({ children }: { children: ReactNode }) {
  const { state, reload } = useSession();
  const { errorText, t } = useI18n();
  const location = useLocation();
  if (state.status === 'loading') return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (state.status === 'signed-out') {
    const from = state.wasSignedOutByUser ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={from ? { from } : null} />;
  }
  if (state.status === 'error') {
    return <Result status="warning" title={errorText(state.error)} extra={<Button onClick={reload}>{t('common.refresh')}</Button>} />;
  }
  return children;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  return can(permission) ? children : <Result status="403" title={t('error.auth.forbidden')} />;
}
