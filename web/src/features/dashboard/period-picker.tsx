import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../lib/i18n';
import { periodKinds, periodOf, shiftPeriod, type Period, type PeriodKind } from './period';

interface Props {
  value: Period;
  onChange(p: Period): void;
}

const pickers: Record<Exclude<PeriodKind, 'custom'>, 'date' | 'week' | 'month'> = { day: 'date', week: 'week', month: 'month' };

/** Day, week, month or a custom range, with steps to the period before and after. */
export function PeriodPicker({ value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Segmented<PeriodKind>
        value={value.kind}
        options={periodKinds.map((k) => ({ value: k, label: <span data-testid={`period-${k}`}>{t(`dashboard.period.${k}`)}</span> }))}
        onChange={(kind) => onChange(kind === 'custom' ? { ...value, kind } : periodOf(kind, value.to))}
      />
      <Button
        icon={<LeftOutlined />}
        aria-label={t('dashboard.period.before')}
        onClick={() => onChange(shiftPeriod(value, -1))}
        data-testid="period-before"
      />
      {value.kind === 'custom' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(value.from), dayjs(value.to)]}
          onChange={(r) =>
            r?.[0] && r[1] && onChange(periodOf('custom', value.from, { from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') }))
          }
          data-testid="period-range"
        />
      ) : (
        <DatePicker
          allowClear={false}
          picker={pickers[value.kind]}
          value={dayjs(value.from)}
          onChange={(d) => d && onChange(periodOf(value.kind, d.format('YYYY-MM-DD')))}
          data-testid="period-date"
        />
      )}
      <Button
        icon={<RightOutlined />}
        aria-label={t('dashboard.period.after')}
        onClick={() => onChange(shiftPeriod(value, 1))}
        data-testid="period-after"
      />
    </Space>
  );
}
