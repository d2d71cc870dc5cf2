import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Role } from '../../../contracts/roles.js';
import { QueueView, type QueueScope } from '../features/queue/queue-view';
import { useMe } from '../lib/auth';
import { useI18n } from '../lib/i18n';

// Department staff work their unit's queue and see only what is or was with it; everyone else
// follows what they accepted and may look across the whole company.
const defaultScope = (role: Role): QueueScope => (role === 'handler' ? 'unit' : 'mine');
const readsAll = (role: Role) => role !== 'handler';

export function WorkbenchPage() {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [scope, setScope] = useState<QueueScope>(defaultScope(me.role));
  const scopes: QueueScope[] = readsAll(me.role) ? ['mine', 'unit', 'all'] : ['mine', 'unit'];
  const labels: Record<QueueScope, string> = { mine: t('queue.tab.mine'), unit: t('queue.tab.unit'), all: t('queue.tab.all') };
  return (
    <Card title={t('queue.title')} variant="borderless">
      <Tabs
        activeKey={scope}
        onChange={(key) => setScope(key as QueueScope)}
        destroyOnHidden
        items={scopes.map((s) => ({
          key: s,
          label: <span data-testid={`scope-tab-${s}`}>{labels[s]}</span>,
          children: <QueueView scope={s} onOpen={(ticket) => void navigate(`/tickets/${ticket.number}`)} />,
        }))}
      />
    </Card>
  );
}
