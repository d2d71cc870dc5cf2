import { Button, Card, Form, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { PutSmsTemplateBody, SmsTemplate } from '../../../../contracts/sms.js';
import { api } from '../../lib/api-client';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { FormModal } from '../admin/form-modal';
import { useAdminList } from '../admin/use-admin-list';
import { smsParts, sortTemplates } from './sms-parts';

/** The texts of notifications and command replies, in Chinese and English. */
export function SmsTemplates() {
  const { t } = useI18n();
  const list = useAdminList(api.smsTemplates);
  const [editing, setEditing] = useState<SmsTemplate | null>(null);
  const purpose = (key: string) => {
    const k = `sms.template.${key}` as MessageKey;
    const text = t(k);
    return text === k ? key : text;
  };

  const columns: TableColumnsType<SmsTemplate> = [
    { title: t('sms.templates.key'), dataIndex: 'key', width: 160, render: (_, r) => purpose(r.key) },
    { title: t('sms.templates.language'), dataIndex: 'language', width: 90, render: (_, r) => <Tag>{r.language}</Tag> },
    { title: t('sms.templates.text'), dataIndex: 'text' },
    { title: '', key: 'parts', width: 80, render: (_, r) => t('sms.templates.parts', { n: smsParts(r.text) }) },
    {
      title: t('common.operations'),
      key: 'ops',
      width: 90,
      render: (_, r) => (
        <Button type="link" onClick={() => setEditing(r)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary">{t('sms.templates.hint')}</Typography.Paragraph>
      <Table<SmsTemplate>
        rowKey={(r) => `${r.key}/${r.language}`}
        size="middle"
        columns={columns}
        dataSource={sortTemplates(list.items)}
        loading={list.isLoading}
        pagination={false}
      />
      <FormModal<PutSmsTemplateBody>
        open={editing !== null}
        title={editing ? `${purpose(editing.key)} · ${editing.language}` : ''}
        initialValues={{ text: editing?.text ?? '' }}
        onSubmit={(v) => list.saved(api.putSmsTemplate(editing!.key, editing!.language, { text: v.text }))}
        onClose={() => setEditing(null)}
      >
        {() => (
          <Form.Item name="text" label={t('sms.templates.text')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={4} maxLength={500} showCount />
          </Form.Item>
        )}
      </FormModal>
    </Card>
  );
}
