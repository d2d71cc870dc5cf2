import { Card, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { parseQueueAddress, QueueView, queueScopes, queueSearch, type QueueAddress, type QueueScope } from '../features/queue/queue-view';
import { useMe } from '../lib/auth';
import { useI18n } from '../lib/i18n';

export function WorkbenchPage() {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const address = parseQueueAddress(params, me.role);
  const go = (next: QueueAddress) => setParams(queueSearch(next), { replace: true });
  const labels: Record<QueueScope, string> = {
    mine: t('queue.tab.mine'),
    unit: t('queue.tab.unit'),
    all: t('queue.tab.all'),
    due: t('queue.tab.due'),
  };
  return (
    <Card title={t('queue.title')} variant="borderless">
      <Tabs
        activeKey={address.scope}
        // the SLA state carries over to the next tab; a unit only to a tab that spans units
        onChange={(key) => go(parseQueueAddress(queueSearch({ ...address, scope: key as QueueScope }), me.role))}
        destroyOnHidden
        items={queueScopes(me.role).map((s) => ({
          key: s,
          label: <span data-testid={`scope-tab-${s}`}>{labels[s]}</span>,
          children: <QueueView address={address} onAddress={go} onOpen={(ticket) => void navigate(`/tickets/${ticket.number}`)} />,
        }))}
      />
    </Card>
  );
}
