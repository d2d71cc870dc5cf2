import { Badge, Card, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { IncidentStatus, IncidentSummary } from '../../../../contracts/incidents.js';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useLiveEvents } from '../../lib/live';
import { useLoad } from '../../lib/use-load';
import { incidentStatuses, isIncidentEvent, statusColor, withLiveCount } from './incident-values';

/** The desk's list of early warnings by status; counts rise live as complaints join. */
export function IncidentList() {
  const { t, local } = useI18n();
  const [status, setStatus] = useState<IncidentStatus | 'all'>('open');
  const list = useLoad(() => api.incidents(status === 'all' ? undefined : status).then((r) => r.items), [status]);
  const [items, setItems] = useState<IncidentSummary[]>([]);
  useEffect(() => setItems(list.data ?? []), [list.data]);

  useLiveEvents(
    (e) => {
      if (!isIncidentEvent(e)) return;
      setItems((current) => {
        const next = withLiveCount(current, e);
        if (!next.isKnown || (e.incidentStatus && status !== 'all' && e.incidentStatus !== status)) void list.refresh();
        return next.items;
      });
    },
    () => void list.refresh(),
  );

  const columns: TableColumnsType<IncidentSummary> = [
    { title: t('incidents.id'), dataIndex: 'id', render: (id: number) => <Link to={`/incidents/${id}`}>#{id}</Link> },
    { title: t('incidents.area'), key: 'area', render: (_, i) => i.area.label },
    { title: t('incidents.category'), key: 'category', render: (_, i) => local(i.category.nameZh, i.category.nameEn) },
    {
      title: t('incidents.count'),
      dataIndex: 'count',
      render: (n: number, i) => (
        <Badge
          count={n}
          overflowCount={99999}
          color={i.status === 'open' ? 'red' : 'blue'}
          showZero
          data-testid={`incident-count-${i.id}`}
        />
      ),
    },
    { title: t('incidents.unit'), key: 'unit', render: (_, i) => (i.unit ? local(i.unit.name, i.unit.nameEn) : t('common.none')) },
    { title: t('incidents.openedAt'), dataIndex: 'openedAt', render: (v: string) => formatTime(v) },
    { title: '', dataIndex: 'status', render: (s: IncidentStatus) => <Tag color={statusColor[s]}>{t(`incidents.status.${s}`)}</Tag> },
  ];

  return (
    <Card title={t('incidents.title')} variant="borderless" data-testid="incident-list">
      <Typography.Paragraph type="secondary">{t('incidents.hint')}</Typography.Paragraph>
      <Segmented<IncidentStatus | 'all'>
        value={status}
        onChange={setStatus}
        style={{ marginBottom: 16 }}
        options={[
          ...incidentStatuses.map((s) => ({ value: s, label: t(`incidents.status.${s}`) })),
          { value: 'all' as const, label: t('incidents.all') },
        ]}
      />
      <Table<IncidentSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={list.isLoading}
        pagination={false}
        locale={{ emptyText: t('incidents.empty') }}
      />
    </Card>
  );
}
