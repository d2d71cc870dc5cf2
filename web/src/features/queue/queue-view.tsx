import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { useI18n } from '../../lib/i18n';
import { QueueFilters } from './queue-filters';
import { StatusTabs } from './status-tabs';
import { TicketTable } from './ticket-table';
import { useTicketList, type QueueFilter, type QueueScope } from './use-ticket-list';

export type { QueueScope };

/** One queue (mine, my unit, all) with its status tabs, search and paging. */
export function QueueView({ scope, onOpen }: { scope: QueueScope; onOpen(ticket: TicketSummary): void }) {
  const { t, errorText } = useI18n();
  const [filter, setFilter] = useState<QueueFilter>({});
  const list = useTicketList(scope, filter);
  return (
    <div data-testid={`queue-${scope}`}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <QueueFilters onSearch={(q) => setFilter((f) => ({ ...f, q }))} onPhone={(phone) => setFilter((f) => ({ ...f, phone }))} />
        <Button onClick={() => void list.refresh()} data-testid="queue-refresh">
          {t('common.refresh')}
        </Button>
      </Flex>
      <StatusTabs value={filter.status} counts={list.counts} onChange={(status) => setFilter((f) => ({ ...f, status }))} />
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
