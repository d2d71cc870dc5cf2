import { Table, Typography, type TableColumnsType } from 'antd';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { LevelTag, PriorityTag, StatusTag } from '../../components/ticket-tags';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

interface Props {
  items: TicketSummary[];
  isLoading: boolean;
  onOpen(ticket: TicketSummary): void;
}

export function TicketTable({ items, isLoading, onOpen }: Props) {
  const { t, local } = useI18n();
  const columns: TableColumnsType<TicketSummary> = [
    {
      title: t('queue.col.number'),
      dataIndex: 'number',
      render: (number: string) => <Typography.Link data-testid="queue-ticket-number">{number}</Typography.Link>,
    },
    { title: t('queue.col.status'), dataIndex: 'status', render: (_, row) => <StatusTag status={row.status} /> },
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
          style: { cursor: 'pointer' },
          'data-testid': `queue-row-${row.number}`,
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="queue-table"
    />
  );
}
