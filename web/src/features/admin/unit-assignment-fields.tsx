import { Form, InputNumber, Select, Space, Typography, type FormInstance } from 'antd';
import { useI18n } from '../../lib/i18n';
import { assignmentModes } from '../../lib/vocabulary';
import type { AssignmentValues } from './assignment-values';

/** How a unit hands out its orders: the mode, each person's cap, and how long a pushed order waits to be taken. */
export function UnitAssignmentFields({ form }: { form: FormInstance }) {
  const { t } = useI18n();
  const mode = Form.useWatch<AssignmentValues['assignmentMode']>('assignmentMode', form);
  const isPush = mode !== undefined && mode !== 'pull';
  return (
    <>
      <Typography.Title level={5}>{t('admin.units.assignment')}</Typography.Title>
      <Form.Item
        name="assignmentMode"
        label={t('admin.units.assignmentMode')}
        extra={mode ? t(`assignmentModeHint.${mode}`) : undefined}
        rules={[{ required: true }]}
      >
        <Select
          data-testid="unit-assignment-mode"
          options={assignmentModes.map((m) => ({ value: m, label: t(`assignmentMode.${m}`) }))}
          optionRender={(option) => (
            <Space orientation="vertical" size={0} data-testid={`unit-assignment-mode-${String(option.value)}`}>
              <span>{option.label}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                {t(`assignmentModeHint.${option.value as NonNullable<AssignmentValues['assignmentMode']>}`)}
              </Typography.Text>
            </Space>
          )}
        />
      </Form.Item>
      <Space size={16} align="start" wrap>
        <Form.Item name="maxOpenPerPerson" label={t('admin.units.maxOpen')} extra={t('admin.units.maxOpenHint')}>
          <InputNumber min={1} max={1000} precision={0} placeholder={t('workload.noCap')} disabled={!isPush} data-testid="unit-max-open" />
        </Form.Item>
        <Form.Item
          name="takeTimeoutMinutes"
          label={t('admin.units.takeTimeout')}
          extra={t('admin.units.takeTimeoutHint')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={7 * 24 * 60} precision={0} disabled={!isPush} data-testid="unit-take-timeout" />
        </Form.Item>
      </Space>
    </>
  );
}
