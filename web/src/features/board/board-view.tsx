import { Alert, Badge, Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { SlaBoard } from '../../../../contracts/sla.js';
import { TimelinessFigures } from '../../components/timeliness-figures';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useLiveRefresh } from '../../lib/live';
import { thisMonth } from '../../lib/period';
import { useLoad } from '../../lib/use-load';

type Row = SlaBoard['units'][number];
type Count = 'open' | 'warning' | 'overdue' | 'problem';

const countColours: Record<Count, string | undefined> = { open: undefined, warning: '#d46b08', overdue: '#cf1322', problem: '#9e1068' };

/** A count that opens the unit's queue narrowed to it; nothing to open for a zero. */
function CountLink({ row, count }: { row: Row; count: Count }) {
  const n = row[count];
  const testId = `board-${row.unit.code}-${count}`;
  if (n === 0)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        0
      </Typography.Text>
    );
  const search = new URLSearchParams({ unit: row.unit.code, ...(count === 'open' ? {} : { sla: count }) });
  return (
    <Link
      to={`/?${search.toString()}`}
      data-testid={testId}
      style={{ color: countColours[count], fontWeight: count === 'open' ? 400 : 600, fontSize: 16 }}
    >
      {n}
    </Link>
  );
}

const sum = (rows: Row[], count: Count) => rows.reduce((total, r) => total + r[count], 0);

/** Per unit, what is open and how much of it is about to breach or has: the supervisor's first screen. */
export function BoardView() {
  const { t, local, errorText } = useI18n();
  const { can } = useSession();
  const canReadStats = can('stats:read');
  const board = useLoad(() => api.slaBoard(), []);
  const figures = useLoad(() => (canReadStats ? api.timeliness(thisMonth()) : Promise.resolve(undefined)), [canReadStats]);
  useLiveRefresh(
    () => Promise.all([board.refresh(), canReadStats ? figures.refresh() : undefined]),
    (e) => e.type !== 'notification',
    2000,
  );

  const rows = board.data?.units ?? [];
  const counts: Count[] = ['open', 'warning', 'overdue', 'problem'];
  const columns: TableColumnsType<Row> = [
    { title: t('board.col.unit'), key: 'unit', render: (_, r) => local(r.unit.name, r.unit.nameEn) },
    ...counts.map((count) => ({
      title: t(`board.col.${count}`),
      key: count,
      align: 'right' as const,
      width: 120,
      render: (_: unknown, r: Row) => <CountLink row={r} count={count} />,
    })),
    {
      title: t('board.col.people'),
      key: 'people',
      align: 'center',
      width: 120,
      render: (_, r) => (
        <Link to={`/workload?${new URLSearchParams({ unit: r.unit.code }).toString()}`} data-testid={`board-${r.unit.code}-workload`}>
          {t('board.workloadLink')}
        </Link>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('board.title')}
        variant="borderless"
        extra={
          <Space>
            <Badge status="processing" text={t('board.live')} />
            <Button onClick={() => void board.reload()}>{t('common.refresh')}</Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('board.hint')}</Typography.Paragraph>
        {board.error !== null && <Alert type="error" showIcon title={errorText(board.error)} style={{ marginBottom: 12 }} />}
        <Table<Row>
          rowKey={(r) => r.unit.code}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={board.isLoading}
          pagination={false}
          locale={{ emptyText: t('board.empty') }}
          onRow={(r) => ({ 'data-testid': `board-row-${r.unit.code}` }) as React.HTMLAttributes<HTMLElement>}
          summary={() =>
            rows.length > 1 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('board.total')}</Typography.Text>
                </Table.Summary.Cell>
                {counts.map((count, i) => (
                  <Table.Summary.Cell key={count} index={i + 1} align="right">
                    <Typography.Text strong style={{ color: sum(rows, count) ? countColours[count] : undefined }}>
                      {sum(rows, count)}
                    </Typography.Text>
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={counts.length + 1} />
              </Table.Summary.Row>
            )
          }
          data-testid="board-table"
        />
      </Card>
      {canReadStats && (
        <Card title={t('board.timelinessTitle')} variant="borderless" extra={<Link to="/stats">{t('board.moreStats')}</Link>}>
          <TimelinessFigures figures={figures.data} isLoading={figures.isLoading} />
        </Card>
      )}
    </Space>
  );
}
