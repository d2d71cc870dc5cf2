import { Button, Card, Form, Input, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { SmsCommands, type CreateSmsKeywordBody, type SmsKeyword } from '../../../../contracts/sms.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { FormModal } from '../admin/form-modal';
import { useAdminList } from '../admin/use-admin-list';

/** The words customers start a message with to run a command, in Chinese and English. */
export function SmsKeywords() {
  const { t } = useI18n();
  const list = useAdminList(api.smsKeywords);
  const [adding, setAdding] = useState(false);

  const columns: TableColumnsType<SmsKeyword> = [
    { title: t('sms.keywords.command'), dataIndex: 'command', render: (_, k) => t(`sms.command.${k.command}`) },
    { title: t('sms.keywords.keyword'), dataIndex: 'keyword', render: (_, k) => <Tag>{k.keyword}</Tag> },
    {
      title: t('common.operations'),
      key: 'ops',
      render: (_, k) => (
        <Popconfirm title={t('common.confirm')} onConfirm={() => void list.attempt(api.deleteSmsKeyword(k.id), 'common.deleted')}>
          <Button type="link" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      variant="borderless"
      extra={
        <Button type="primary" onClick={() => setAdding(true)} data-testid="sms-keyword-add">
          {t('sms.keywords.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('sms.keywords.hint')}</Typography.Paragraph>
      <Table<SmsKeyword> rowKey="id" size="middle" columns={columns} dataSource={list.items} loading={list.isLoading} pagination={false} />
      <FormModal<CreateSmsKeywordBody>
        open={adding}
        title={t('sms.keywords.add')}
        initialValues={{ command: 'progress', keyword: '' }}
        onSubmit={(v) => list.saved(api.createSmsKeyword({ command: v.command, keyword: v.keyword.trim() }))}
        onClose={() => setAdding(false)}
      >
        {() => (
          <>
            <Form.Item name="command" label={t('sms.keywords.command')} rules={[{ required: true }]}>
              <Select options={SmsCommands.map((c) => ({ value: c, label: t(`sms.command.${c}`) }))} />
            </Form.Item>
            <Form.Item
              name="keyword"
              label={t('sms.keywords.keyword')}
              rules={[{ required: true, whitespace: true, max: 16, pattern: /^\S+$/ }]}
            >
              <Input maxLength={16} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
