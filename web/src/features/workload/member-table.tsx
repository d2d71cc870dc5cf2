import { Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Workload } from '../../../../contracts/assignment.js';
import type { Category } from '../../../../contracts/org.js';
import { PresenceTag } from '../../components/presence-tag';
import { categoryNames } from '../../lib/category-names';
import { useI18n } from '../../lib/i18n';

type Member = Workload['members'][number];

interface Props {
  workload: Workload | undefined;
  categories: Category[];
  isLoading: boolean;
}

/** Each active member: whether they are there, what they hold, what waits for them, what they know best. */
export function MemberTable({ workload, categories, isLoading }: Props) {
  const { t, local } = useI18n();
  const cap = workload?.maxOpenPerPerson ?? null;
  const members = workload?.members ?? [];
  const heading = (title: string, hint: string) => (
    <Tooltip title={hint}>
      <span>{title}</span>
    </Tooltip>
  );
  const columns: TableColumnsType<Member> = [
    { title: t('workload.col.member'), key: 'member', render: (_, m) => <Typography.Text strong>{m.user.name}</Typography.Text> },
    { title: t('workload.col.presence'), key: 'presence', render: (_, m) => <PresenceTag presence={m.presence} /> },
    {
      title: heading(t('workload.col.open'), t('workload.openHint')),
      key: 'open',
      align: 'right',
      width: 140,
      render: (_, m) => (
        <Space size={4}>
          {cap !== null && m.open >= cap && <Tag color="red">{t('workload.atCap')}</Tag>}
          <span data-testid={`workload-open-${m.user.id}`}>{m.open}</span>
        </Space>
      ),
    },
    {
      title: heading(t('workload.col.waiting'), t('workload.waitingHint')),
      key: 'waiting',
      align: 'right',
      width: 120,
      render: (_, m) => (
        <Typography.Text type={m.waiting ? 'warning' : 'secondary'} data-testid={`workload-waiting-${m.user.id}`}>
          {m.waiting}
        </Typography.Text>
      ),
    },
    {
      title: t('workload.col.skills'),
      key: 'skills',
      render: (_, m) =>
        m.skills.length
          ? categoryNames(m.skills, categories, local).map((name, i) => <Tag key={m.skills[i]}>{name}</Tag>)
          : t('common.none'),
    },
  ];
  const sum = (key: 'open' | 'waiting') => members.reduce((n, m) => n + m[key], 0);

  return (
    <Table<Member>
      rowKey={(m) => m.user.id}
      size="middle"
      columns={columns}
      dataSource={members}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: t('workload.empty') }}
      onRow={(m) => ({ 'data-testid': `workload-row-${m.user.id}`, 'data-presence': m.presence }) as React.HTMLAttributes<HTMLElement>}
      summary={() =>
        members.length > 1 && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t('workload.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong>{sum('open')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong>{sum('waiting')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} />
          </Table.Summary.Row>
        )
      }
      data-testid="workload-table"
    />
  );
}
