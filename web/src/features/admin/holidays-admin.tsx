import { Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Holiday } from '../../../../contracts/sla.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { holidayKinds, type HolidayKind } from '../../lib/vocabulary';
import type { Weekday } from './calendar-values';
import { FormModal } from './form-modal';
import { useAdminList } from './use-admin-list';

type Editing = { holiday: Holiday | null } | null;

interface HolidayValues {
  date: Dayjs;
  kind: HolidayKind;
  name: string;
}

const kindColours: Record<HolidayKind, string> = { holiday: 'red', workday: 'blue' };

/** The national list: days off, and the weekend days worked in exchange (调休). */
export function HolidaysAdmin() {
  const { t } = useI18n();
  const list = useAdminList(api.holidays);
  const [editing, setEditing] = useState<Editing>(null);
  const holiday = editing?.holiday ?? null;

  const save = ({ date, kind, name }: HolidayValues) => list.saved(api.putHoliday(date.format('YYYY-MM-DD'), { kind, name: name.trim() }));

  const columns: TableColumnsType<Holiday> = [
    {
      title: t('admin.holidays.date'),
      dataIndex: 'date',
      render: (date: string) => `${date} ${t(`weekday.${dayjs(date).day() as Weekday}`)}`,
      sorter: (a, b) => a.date.localeCompare(b.date),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('admin.holidays.kind'),
      dataIndex: 'kind',
      render: (kind: HolidayKind) => <Tag color={kindColours[kind]}>{t(`holidayKind.${kind}`)}</Tag>,
    },
    { title: t('admin.holidays.name'), dataIndex: 'name' },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, h) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing({ holiday: h })}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteHoliday(h.date), 'common.deleted')}>
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
      title={t('admin.holidays.title')}
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setEditing({ holiday: null })} data-testid="admin-create">
          {t('common.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.holidays.hint')}</Typography.Paragraph>
      <Table<Holiday>
        rowKey="date"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={{ pageSize: 50 }}
      />
      <FormModal<HolidayValues>
        open={editing !== null}
        title={holiday ? `${t('common.edit')} · ${holiday.date}` : t('common.create')}
        initialValues={holiday ? { ...holiday, date: dayjs(holiday.date) } : { kind: 'holiday' }}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {() => (
          <>
            <Form.Item name="date" label={t('admin.holidays.date')} rules={[{ required: true }]}>
              <DatePicker disabled={!!holiday} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('admin.holidays.kind')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={holidayKinds.map((k) => ({ value: k, label: t(`holidayKind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('admin.holidays.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} placeholder={t('admin.holidays.namePlaceholder')} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
