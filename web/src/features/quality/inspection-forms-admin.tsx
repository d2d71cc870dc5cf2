import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { CreateFormBody, InspectionForm } from '../../../../contracts/quality.js';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** Inspection forms: weighted items, kept by administrators; an inactive form is no longer offered. */
export function InspectionFormsAdmin() {
  const { t, local, errorText } = useI18n();
  const { message } = App.useApp();
  const forms = useLoad(() => api.inspectionForms().then((r) => r.items), []);
  const [editing, setEditing] = useState<InspectionForm | 'new' | null>(null);
  const [form] = Form.useForm<CreateFormBody>();

  const open = (f: InspectionForm | 'new') => {
    form.setFieldsValue(
      f === 'new' ? { name: '', items: [{ key: '', labelZh: '', labelEn: '', weight: 10 }] } : { name: f.name, items: f.items },
    );
    setEditing(f);
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await api.createInspectionForm(v);
      else if (editing) await api.updateInspectionForm(editing.id, v);
      setEditing(null);
      await forms.reload();
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };
  const toggle = async (f: InspectionForm) => {
    try {
      await api.updateInspectionForm(f.id, { isActive: !f.isActive });
      await forms.reload();
    } catch (e) {
      void message.error(errorText(e), 5);
    }
  };

  return (
    <Card
      variant="borderless"
      title={t('quality.forms.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => open('new')}>
          {t('quality.forms.new')}
        </Button>
      }
    >
      <Table<InspectionForm>
        rowKey="id"
        size="small"
        loading={forms.isLoading}
        dataSource={forms.data ?? []}
        pagination={false}
        columns={[
          { title: t('quality.form'), dataIndex: 'name' },
          {
            title: t('quality.forms.items'),
            key: 'items',
            render: (_, f) => f.items.map((i) => <Tag key={i.key}>{`${local(i.labelZh, i.labelEn)} ×${i.weight}`}</Tag>),
          },
          { title: t('quality.forms.active'), key: 'a', render: (_, f) => <Switch checked={f.isActive} onChange={() => void toggle(f)} /> },
          {
            title: '',
            key: 'e',
            render: (_, f) => (
              <Button size="small" onClick={() => open(f)}>
                {t('quality.forms.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('quality.forms.title')}
        width={760}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('quality.form')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item
                      name={[field.name, 'key']}
                      rules={[{ required: true, pattern: /^[a-z0-9_]{1,32}$/, message: t('quality.forms.keyRule') }]}
                    >
                      <Input placeholder="key" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'labelZh']} rules={[{ required: true, whitespace: true }]}>
                      <Input placeholder={t('quality.forms.labelZh')} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'labelEn']} rules={[{ required: true, whitespace: true }]}>
                      <Input placeholder={t('quality.forms.labelEn')} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]}>
                      <InputNumber min={1} max={100} precision={0} placeholder={t('quality.forms.weight')} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', labelZh: '', labelEn: '', weight: 10 })}>
                  {t('quality.forms.addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
