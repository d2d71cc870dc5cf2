import { Table, Typography, type TableColumnsType } from 'antd';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { LevelTag, PriorityTag, StatusTag } from '../../components/ticket-tags';
import { TimeLeft } from '../../components/time-left';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { SlaState } from '../../lib/vocabulary';

interface Props {
  items: TicketSummary[];
  isLoading: boolean;
  onOpen(ticket: TicketSummary): void;
}

// A tint, not an alarm: the time-left column carries the message, the row only lets the eye find it.
const rowTints: Record<SlaState, string | undefined> = { ok: undefined, warning: '#fffbe6', overdue: '#fff1f0', problem: '#fff0f6' };

export function TicketTable({ items, isLoading, onOpen }: Props) {
  const { t, local } = useI18n();
  const columns: TableColumnsType<TicketSummary> = [
    {
      title: t('queue.col.number'),
      dataIndex: 'number',
      render: (number: string) => <Typography.Link data-testid="queue-ticket-number">{number}</Typography.Link>,
    },
    { title: t('queue.col.status'), dataIndex: 'status', render: (_, row) => <StatusTag status={row.status} /> },
    {
      title: t('queue.col.timeLeft'),
      key: 'timeLeft',
      render: (_, row) => <TimeLeft clock={row.sla} testId={`queue-time-left-${row.number}`} />,
    },
    { title: t('queue.col.category'), key: 'category', render: (_, row) => local(row.categoryName, row.categoryNameEn) },
    { title: t('queue.col.phone'), dataIndex: 'customerPhone' },
    { title: t('queue.col.level'), dataIndex: 'customerLevel', render: (_, row) => <LevelTag level={row.customerLevel} /> },
    { title: t('queue.col.priority'), dataIndex: 'priority', render: (_, row) => <PriorityTag priority={row.priority} /> },
    {
      title: t('queue.col.unit'),
      key: 'unit',
      render: (_, row) => (row.handlingUnit ? local(row.handlingUnit.name, row.handlingUnit.nameEn) : t('common.none')),
    },
    { title: t('queue.col.created'), dataIndex: 'createdAt', render: (at: string) => formatTime(at) },
  ];
  return (
    <Table<TicketSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: t('queue.empty') }}
      onRow={(row) =>
        ({
          onClick: () => onOpen(row),
          style: { cursor: 'pointer', background: rowTints[row.sla.state] },
          'data-testid': `queue-row-${row.number}`,
          'data-sla': row.sla.state,
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="queue-table"
    />
  );
}
