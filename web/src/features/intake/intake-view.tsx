import { Alert, Card, Col, Form, Row } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { CustomerPanel } from './customer-panel';
import { IncidentNotice, RepeatCheckPanel, useIncidentMatch, useRepeatCheck } from './repeat-check-panel';
import { IntakeFields } from './intake-fields';
import { IntakeSuccess } from './intake-success';
import { initialValues, type IntakeMode, type IntakeValues } from './intake-values';
import { SubmitPanel } from './submit-panel';
import { useCustomerProfile } from './use-customer-profile';
import { useIntakeSubmit, type IntakeResult } from './use-intake-submit';

/** Accepting a complaint on a live call: the caller's history beside the form, one keystroke to file it. */
export function IntakeView() {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<IntakeValues>();
  const [result, setResult] = useState<IntakeResult | null>(null);
  const categories = useLoad(() => api.categories().then((r) => r.items), []);
  const phone = Form.useWatch('customerPhone', form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const category = categories.data?.find((c) => c.code === categoryCode);
  const customer = useCustomerProfile(phone);
  const repeat = useRepeatCheck(phone, categoryCode);
  const location = Form.useWatch('location', form);
  const incidents = useIncidentMatch(categoryCode, location);
  const intake = useIntakeSubmit();

  const submit = async (mode: IntakeMode) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (mode === 'resolve' && !values.resolution?.trim()) {
      form.setFields([{ name: 'resolution', errors: [t('intake.resolutionRequired')] }]);
      return;
    }
    const done = await intake.submit(values, mode);
    if (!done) return;
    setResult(done);
    form.resetFields();
    form.getFieldInstance('customerPhone')?.focus?.();
  };

  const pending = intake.pending();
  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        {result && <IntakeSuccess result={result} onClose={() => setResult(null)} />}
        <Card title={t('intake.title')} variant="borderless">
          <Form<IntakeValues>
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onFinish={() => void submit('dispatch')}
            onValuesChange={(changed: Partial<IntakeValues>) => {
              if ('categoryCode' in changed) {
                const next = categories.data?.find((c) => c.code === changed.categoryCode);
                form.setFieldValue('unitCode', next?.unit?.code);
              }
            }}
            requiredMark="optional"
          >
            <RepeatCheckPanel
              check={repeat.check}
              phone={phone}
              onAttached={() => {
                form.resetFields();
                repeat.recheck();
              }}
            />
            <IncidentNotice items={incidents} />
            <IntakeFields categories={categories.data ?? []} />
            {intake.error !== null && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="intake-error"
                title={
                  pending
                    ? t('intake.partialFailure', { number: pending.number, reason: errorText(intake.error) })
                    : errorText(intake.error)
                }
              />
            )}
            <SubmitPanel category={category} isBusy={intake.isBusy} onSubmit={(mode) => void submit(mode)} />
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <CustomerPanel profile={customer.profile} error={customer.error} isLoading={customer.isLoading} />
      </Col>
    </Row>
  );
}
