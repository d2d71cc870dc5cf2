import { Alert, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

interface Props<T> {
  title: string;
  open: boolean;
  initialValues: Partial<T>;
  onSubmit(values: T): Promise<void>;
  onClose(): void;
  children: (form: FormInstance<T>) => ReactNode;
}

/** Create or edit one row; the server's refusal stays in the dialog, translated. */
export function FormModal<T extends object>({ title, open, initialValues, onSubmit, onClose, children }: Props<T>) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  const initial = useRef(initialValues);
  initial.current = initialValues;

  // fill the form when the dialog opens, not on every render of the list behind it
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(initial.current as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, form]);

  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={{ 'data-testid': 'admin-save' } as ButtonProps}
      forceRender
    >
      <Form<T> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        {children(form)}
      </Form>
    </Modal>
  );
}
