import { Alert, Button, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { UnitSelect } from '../../components/unit-select';
import { useI18n } from '../../lib/i18n';
import type { TicketAction } from '../../lib/vocabulary';
import { actionFields, type ActionField } from './action-fields';
import { TemplatePicker } from '../knowledge/template-picker';

interface Props {
  action: TicketAction | null;
  initialValues: Record<string, unknown>;
  proposedUnit: string | null;
  /** the ticket acted on, for the reply templates filled from it */
  ticketId?: number;
  isBusy: boolean;
  error: unknown;
  onSubmit(values: Record<string, unknown>): void;
  onCancel(): void;
}

interface FieldInputProps {
  field: ActionField;
  proposedUnit: string | null;
  // injected by Form.Item
  value?: string;
  onChange?: (value: unknown) => void;
}

function FieldInput({ field, proposedUnit, value, onChange }: FieldInputProps) {
  const testId = `action-field-${field.name}`;
  if (field.kind === 'unit') return <UnitSelect proposed={proposedUnit} testId={testId} value={value} onChange={onChange} />;
  return (
    <Input.TextArea
      value={value}
      onChange={onChange}
      autoSize={{ minRows: field.name === 'note' ? 1 : 3, maxRows: 10 }}
      maxLength={4000}
      data-testid={testId}
    />
  );
}

/** The small form each action needs; actions without a body still confirm, with an optional note. */
export function ActionModal({ action, initialValues, proposedUnit, ticketId, isBusy, error, onSubmit, onCancel }: Props) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Record<string, unknown>>();

  useEffect(() => {
    if (action) {
      form.resetFields();
      form.setFieldsValue(initialValues);
    }
  }, [action, initialValues, form]);

  if (!action) return null;
  const title = t(`ticket.action.${action}`);
  return (
    <Modal
      open
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={isBusy} onClick={() => form.submit()} data-testid="action-form-submit">
          {title}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" onFinish={onSubmit} data-testid={`action-form-${action}`}>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} data-testid="action-error" />}
        <TemplatePicker action={action} ticketId={ticketId} />
        {actionFields[action].map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.kind === 'check' ? undefined : t(field.label)}
            valuePropName={field.kind === 'check' ? 'checked' : 'value'}
            rules={field.isRequired ? [{ required: true, whitespace: field.kind === 'text', message: t('error.validation.required') }] : []}
          >
            {field.kind === 'check' ? (
              <Checkbox data-testid={`action-field-${field.name}`}>{t(field.label)}</Checkbox>
            ) : (
              <FieldInput field={field} proposedUnit={proposedUnit} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
