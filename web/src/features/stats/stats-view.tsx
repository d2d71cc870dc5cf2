import { Alert, Card, DatePicker, Form, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Timeliness } from '../../../../contracts/sla.js';
import { CategoryCascader } from '../../components/category-cascader';
import { TimelinessFigures, TimelyRateTitle } from '../../components/timeliness-figures';
import { UnitSelect } from '../../components/unit-select';
import { api } from '../../lib/api-client';
import { formatRate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { monthRange } from '../../lib/period';
import { useLoad } from '../../lib/use-load';

type UnitRow = Timeliness['byUnit'][number];

interface Filter {
  months: [Dayjs, Dayjs];
  unit?: string;
  categoryCode?: string;
}

const red = (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n);

/** Timeliness (DOMAIN.md §3) of the orders dispatched in some months, for the company and per unit. */
export function StatsView() {
  const { t, local, errorText } = useI18n();
  const [filter, setFilter] = useState<Filter>({ months: [dayjs(), dayjs()] });
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const key = `${filter.months[0].format('YYYY-MM')}/${filter.months[1].format('YYYY-MM')}/${filter.unit}/${filter.categoryCode}`;
  const figures = useLoad(
    () => api.timeliness({ ...monthRange(filter.months[0], filter.months[1]), unit: filter.unit, categoryCode: filter.categoryCode }),
    [key],
  );

  const columns: TableColumnsType<UnitRow> = [
    { title: t('stats.unit'), key: 'unit', render: (_, r) => local(r.unit.name, r.unit.nameEn) },
    { title: t('stats.all'), dataIndex: 'all', align: 'right' },
    { title: t('stats.timely'), dataIndex: 'timely', align: 'right' },
    { title: t('stats.overdue'), dataIndex: 'overdue', align: 'right', render: red },
    { title: t('stats.problem'), dataIndex: 'problem', align: 'right', render: red },
    { title: <TimelyRateTitle />, dataIndex: 'timelyRate', align: 'right', render: (rate: number | null) => formatRate(rate) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('stats.title')}
        variant="borderless"
        extra={
          <Link to="/dashboard" data-testid="stats-dashboard-link">
            {t('dashboard.title')}
          </Link>
        }
      >
        <Form layout="inline" style={{ marginBottom: 24, rowGap: 8 }}>
          <Form.Item label={t('stats.period')}>
            <DatePicker.RangePicker
              picker="month"
              allowClear={false}
              value={filter.months}
              onChange={(months) => months?.[0] && months[1] && setFilter((f) => ({ ...f, months: [months[0]!, months[1]!] }))}
              data-testid="stats-months"
            />
          </Form.Item>
          <Form.Item label={t('stats.unit')}>
            <UnitSelect
              allowClear
              placeholder={t('stats.allUnits')}
              value={filter.unit}
              onChange={(unit) => setFilter((f) => ({ ...f, unit }))}
              testId="stats-unit"
            />
          </Form.Item>
          <Form.Item label={t('stats.category')} style={{ minWidth: 280 }}>
            <CategoryCascader
              categories={categories.data ?? []}
              allowParent
              allowClear
              placeholder={t('stats.allCategories')}
              value={filter.categoryCode}
              onChange={(categoryCode) => setFilter((f) => ({ ...f, categoryCode }))}
              testId="stats-category"
            />
          </Form.Item>
        </Form>
        {figures.error !== null && <Alert type="error" showIcon title={errorText(figures.error)} style={{ marginBottom: 12 }} />}
        <TimelinessFigures figures={figures.data} isLoading={figures.isLoading} />
      </Card>
      <Card title={t('stats.byUnit')} variant="borderless">
        <Table<UnitRow>
          rowKey={(r) => r.unit.code}
          size="middle"
          columns={columns}
          dataSource={figures.data?.byUnit ?? []}
          loading={figures.isLoading}
          pagination={false}
          locale={{ emptyText: t('stats.empty') }}
          data-testid="stats-by-unit"
        />
      </Card>
    </Space>
  );
}
