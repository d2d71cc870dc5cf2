import {
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type FormInstance,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import type { BusinessCalendar } from '../../../../contracts/sla.js';
import { api } from '../../lib/api-client';
import { useI18n, type I18n } from '../../lib/i18n';
import { fromCalendar, newCalendarValues, toCalendarBody, weekdayRuns, type CalendarValues } from './calendar-values';
import { FormModal } from './form-modal';
import { useAdminList } from './use-admin-list';
import { WeeklyHoursEditor } from './weekly-hours-editor';

type Editing = { calendar: BusinessCalendar | null } | null;

function hoursSummary(weekly: BusinessCalendar['weekly'], t: I18n['t']): string {
  if (weekly === null) return t('admin.calendars.roundTheClock');
  const runs = weekdayRuns(weekly);
  if (runs.length === 0) return t('admin.calendars.allClosed');
  return runs
    .map((r) => {
      const days =
        r.from === r.to ? t(`weekday.${r.from}`) : t('admin.calendars.range', { from: t(`weekday.${r.from}`), to: t(`weekday.${r.to}`) });
      return `${days} ${r.open}–${r.close}`;
    })
    .join(t('common.listSeparator'));
}

/** Business hours the clocks count in; a unit names its calendar, a unit without one works round the clock. */
export function CalendarsAdmin() {
  const { t } = useI18n();
  const list = useAdminList(api.calendars);
  const [editing, setEditing] = useState<Editing>(null);
  const calendar = editing?.calendar ?? null;

  const save = (values: CalendarValues) => {
    const { code, ...body } = toCalendarBody(values);
    return list.saved(calendar ? api.updateCalendar(calendar.code, body, calendar.version) : api.createCalendar({ code, ...body }));
  };

  const columns: TableColumnsType<BusinessCalendar> = [
    { title: t('admin.calendars.code'), dataIndex: 'code' },
    { title: t('admin.calendars.name'), dataIndex: 'name' },
    { title: t('admin.calendars.nameEn'), dataIndex: 'nameEn' },
    { title: t('admin.calendars.hours'), key: 'hours', render: (_, c) => hoursSummary(c.weekly, t) },
    {
      title: t('admin.calendars.observesHolidays'),
      dataIndex: 'observesHolidays',
      render: (_, c) => (c.observesHolidays ? <Tag color="blue">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ calendar: c })}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteCalendar(c.code), 'common.deleted')}>
            <Button type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('admin.calendars.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ calendar: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.calendars.hint')}</Typography.Paragraph>
      <Table<BusinessCalendar>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
      />
      <FormModal<CalendarValues>
        open={editing !== null}
        title={calendar ? `${t('common.edit')} · ${calendar.code}` : t('common.create')}
        initialValues={calendar ? fromCalendar(calendar) : newCalendarValues}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {(form) => <CalendarFields form={form} isEditing={!!calendar} />}
      </FormModal>
    </Card>
  );
}

function CalendarFields({ form, isEditing }: { form: FormInstance<CalendarValues>; isEditing: boolean }) {
  const { t } = useI18n();
  const isRoundTheClock = Form.useWatch('isRoundTheClock', form);
  return (
    <>
      <Form.Item name="code" label={t('admin.calendars.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/ }]}>
        <Input disabled={isEditing} maxLength={32} />
      </Form.Item>
      <Space size={16} style={{ display: 'flex' }}>
        <Form.Item name="name" label={t('admin.calendars.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.calendars.nameEn')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Space>
      <Space size={32}>
        <Form.Item name="isRoundTheClock" label={t('admin.calendars.roundTheClock')} valuePropName="checked">
          <Switch data-testid="calendar-24x7" />
        </Form.Item>
        <Form.Item name="observesHolidays" label={t('admin.calendars.observesHolidays')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      {/* the weekly rows stay mounted behind 24×7, so switching back keeps what was typed */}
      <div style={{ display: isRoundTheClock ? 'none' : undefined }}>
        <WeeklyHoursEditor />
      </div>
    </>
  );
}
