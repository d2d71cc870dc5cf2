import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { useMe } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useLiveRefresh } from '../../lib/live';
import { concernsQueue, listQuery, takesUnitFilter, type QueueAddress, type QueueFilter } from './queue-params';
import { QueueFilters } from './queue-filters';
import { StatusTabs } from './status-tabs';
import { TicketTable } from './ticket-table';
import { useTicketList } from './use-ticket-list';

export { parseQueueAddress, queueScopes, queueSearch, type QueueAddress, type QueueScope } from './queue-params';

interface Props {
  /** the tab, SLA state and unit, kept in the page's address */
  address: QueueAddress;
  onAddress(address: QueueAddress): void;
  onOpen(ticket: TicketSummary): void;
}

/** One queue (mine, my unit, all, about to breach) with its status tabs, filters and paging, kept current live. */
export function QueueView({ address, onAddress, onOpen }: Props) {
  const { t, errorText } = useI18n();
  const me = useMe();
  const { scope } = address;
  const [local, setLocal] = useState<Omit<QueueFilter, 'sla' | 'unit'>>({});
  const filter: QueueFilter = { ...local, sla: address.sla, unit: address.unit };
  const list = useTicketList(listQuery(scope, filter, me.role));
  useLiveRefresh(list.refresh, (e) =>
    concernsQueue(
      e,
      scope,
      filter,
      list.items.map((i) => i.id),
    ),
  );
  return (
    <div data-testid={`queue-${scope}`}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <QueueFilters
          sla={address.sla}
          unit={takesUnitFilter(scope, me.role) ? address.unit : null}
          onSearch={(q) => setLocal((f) => ({ ...f, q }))}
          onPhone={(phone) => setLocal((f) => ({ ...f, phone }))}
          onSla={(sla) => onAddress({ ...address, sla })}
          onUnit={(unit) => onAddress({ ...address, unit })}
        />
        <Button onClick={() => void list.reload()} data-testid="queue-refresh">
          {t('common.refresh')}
        </Button>
      </Flex>
      {scope === 'due' && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('queue.dueHint')}
        </Typography.Paragraph>
      )}
      <StatusTabs value={local.status} counts={list.counts} onChange={(status) => setLocal((f) => ({ ...f, status }))} />
      {list.error !== null && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      <TicketTable items={list.items} isLoading={list.isLoading} onOpen={onOpen} />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void list.loadMore()} loading={list.isLoading} data-testid="queue-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
