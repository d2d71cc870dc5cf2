import { Card, Input, Radio, Space, Table } from 'antd';
import { useState } from 'react';
import type { Scores } from '../../../../contracts/quality.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { isoMonth } from './score-values';

/** Average inspection scores (after appeals) per agent or unit, for a month. */
export function ScoresTable() {
  const { t, local } = useI18n();
  const [month, setMonth] = useState(() => isoMonth(new Date()));
  const [by, setBy] = useState<'agent' | 'unit'>('agent');
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const scores = useLoad(() => (valid ? api.inspectionScores({ month, by }) : Promise.resolve(null)), [month, by, valid]);
  type Row = Scores['rows'][number];
  return (
    <Card variant="borderless" title={t('quality.scores.title')}>
      <Space style={{ marginBottom: 16 }}>
        <Input addonBefore={t('quality.month')} value={month} onChange={(e) => setMonth(e.target.value.trim())} style={{ width: 200 }} />
        <Radio.Group
          optionType="button"
          value={by}
          onChange={(e) => setBy(e.target.value as 'agent' | 'unit')}
          options={[
            { value: 'agent', label: t('quality.agent') },
            { value: 'unit', label: t('quality.unit') },
          ]}
        />
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={scores.isLoading}
        dataSource={scores.data?.rows ?? []}
        columns={[
          { title: by === 'agent' ? t('quality.agent') : t('quality.unit'), key: 'n', render: (_, r) => local(r.name, r.nameEn) },
          { title: t('quality.scores.count'), dataIndex: 'inspections' },
          { title: t('quality.scores.average'), dataIndex: 'average' },
        ]}
      />
    </Card>
  );
}
