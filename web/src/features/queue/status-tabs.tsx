import { Badge, Tabs } from 'antd';
import type { StatusCounts } from '../../../../contracts/tickets.js';
import { useI18n } from '../../lib/i18n';
import { ticketStatuses, type TicketStatus } from '../../lib/vocabulary';

interface Props {
  value: TicketStatus | undefined;
  counts: StatusCounts | null;
  onChange(status: TicketStatus | undefined): void;
}

const ALL = 'all';

export function StatusTabs({ value, counts, onChange }: Props) {
  const { t } = useI18n();
  const total = counts ? ticketStatuses.reduce((sum, s) => sum + (counts[s] ?? 0), 0) : undefined;
  const label = (text: string, count: number | undefined, key: string) => (
    <span data-testid={`status-tab-${key}`}>
      {text} <Badge count={count ?? 0} showZero color={count ? '#0a6bd6' : '#d9d9d9'} size="small" overflowCount={9999} />
    </span>
  );
  return (
    <Tabs
      size="small"
      activeKey={value ?? ALL}
      onChange={(key) => onChange(key === ALL ? undefined : (key as TicketStatus))}
      items={[
        { key: ALL, label: label(t('queue.status.all'), total, ALL) },
        ...ticketStatuses.map((s) => ({ key: s, label: label(t(`ticket.status.${s}`), counts?.[s], s) })),
      ]}
    />
  );
}
