import { Form, Select, Space, Switch, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import { clockTimes, closesAfterOpening, weekdays, type DayHours, type Weekday } from './calendar-values';

const timeOptions = clockTimes.map((time) => ({ value: time, label: time }));
const cell = { padding: '4px 12px 4px 0', height: 40, verticalAlign: 'middle' } as const;

function DayRow({ day }: { day: Weekday }) {
  const { t } = useI18n();
  const isOpen = Form.useWatch(['days', day, 'isOpen']) as boolean | undefined;
  return (
    <tr data-testid={`weekday-${day}`}>
      <td style={{ ...cell, width: 56 }}>{t(`weekday.${day}`)}</td>
      <td style={{ ...cell, width: 56 }}>
        <Form.Item name={['days', day, 'isOpen']} valuePropName="checked" noStyle>
          <Switch size="small" aria-label={t('admin.calendars.isOpen')} />
        </Form.Item>
      </td>
      <td style={cell}>
        {/* the hours stay mounted while closed, so reopening a day brings back what it had */}
        <Space size={8} align="center" style={{ display: isOpen ? 'flex' : 'none' }}>
          <Form.Item name={['days', day, 'open']} noStyle>
            <Select showSearch aria-label={t('admin.calendars.open')} options={timeOptions.slice(0, -1)} style={{ width: 96 }} />
          </Form.Item>
          –
          <Form.Item
            name={['days', day, 'close']}
            dependencies={[['days', day, 'open'], ['days', day, 'isOpen'], 'isRoundTheClock']}
            style={{ marginBottom: 0 }}
            rules={[
              ({ getFieldValue }) => ({
                validator: () =>
                  getFieldValue('isRoundTheClock') || closesAfterOpening(getFieldValue(['days', day]) as DayHours)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('admin.calendars.closeBeforeOpen'))),
              }),
            ]}
          >
            <Select showSearch aria-label={t('admin.calendars.close')} options={timeOptions.slice(1)} style={{ width: 96 }} />
          </Form.Item>
        </Space>
        {!isOpen && <Typography.Text type="secondary">{t('admin.calendars.closed')}</Typography.Text>}
      </td>
    </tr>
  );
}

/** Seven rows, Sunday to Saturday: open or closed, and from when to when. */
export function WeeklyHoursEditor() {
  const { t } = useI18n();
  return (
    <table style={{ borderCollapse: 'collapse' }} data-testid="weekly-hours">
      <thead>
        <tr style={{ textAlign: 'left', color: '#8c8c8c' }}>
          <th style={{ fontWeight: 400, paddingBottom: 4 }}>{t('admin.calendars.weekday')}</th>
          <th style={{ fontWeight: 400 }}>{t('admin.calendars.isOpen')}</th>
          <th style={{ fontWeight: 400 }}>{t('admin.calendars.hours')}</th>
        </tr>
      </thead>
      <tbody>
        {weekdays.map((day) => (
          <DayRow key={day} day={day} />
        ))}
      </tbody>
    </table>
  );
}
