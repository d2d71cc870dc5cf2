import { Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { Category } from '../../../../contracts/org.js';
import { CategoryCascader } from '../../components/category-cascader';
import { useI18n } from '../../lib/i18n';
import { customerLevels, priorities } from '../../lib/vocabulary';

const hoursInput = (testId: string) => <InputNumber min={0.01} max={8784} step={0.5} style={{ width: 160 }} data-testid={testId} />;

/** What a policy applies to (empty: any) and its limits in hours. */
export function PolicyFormFields({ categories }: { categories: Category[] }) {
  const { t } = useI18n();
  const any = t('admin.sla.any');
  return (
    <>
      <Form.Item name="name" label={t('admin.sla.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} data-testid="sla-policy-name" />
      </Form.Item>
      <Form.Item name="categoryCode" label={t('admin.sla.category')}>
        <CategoryCascader categories={categories} allowParent allowClear placeholder={any} testId="sla-policy-category" />
      </Form.Item>
      <Space size={16} wrap>
        <Form.Item name="customerLevel" label={t('admin.sla.customerLevel')}>
          <Select
            allowClear
            placeholder={any}
            style={{ width: 160 }}
            options={customerLevels.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('admin.sla.priority')}>
          <Select
            allowClear
            placeholder={any}
            style={{ width: 160 }}
            options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          />
        </Form.Item>
      </Space>
      <Space size={16} wrap align="start">
        <Form.Item name="replyHours" label={t('admin.sla.replyHours')} extra={t('admin.sla.replyHint')} rules={[{ required: true }]}>
          {hoursInput('sla-policy-reply')}
        </Form.Item>
        <Form.Item
          name="problemHours"
          label={t('admin.sla.problemHours')}
          extra={t('admin.sla.problemHint')}
          dependencies={['replyHours']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) =>
                value === null || value === undefined || value >= (getFieldValue('replyHours') as number)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.sla.problemBelowReply'))),
            }),
          ]}
        >
          {hoursInput('sla-policy-problem')}
        </Form.Item>
      </Space>
      <Space size={16} wrap align="start">
        <Form.Item name="warnPercent" label={t('admin.sla.warnPercent')} rules={[{ required: true }]}>
          <InputNumber min={1} max={99} precision={0} style={{ width: 160 }} data-testid="sla-policy-warn" />
        </Form.Item>
        <Form.Item name="answerHours" label={t('admin.sla.answerHours')} extra={t('admin.sla.answerHint')} rules={[{ required: true }]}>
          {hoursInput('sla-policy-answer')}
        </Form.Item>
      </Space>
      <Form.Item name="isActive" label={t('admin.sla.isActive')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
