import { Space } from 'antd';
import { InspectionFormsAdmin } from '../features/quality/inspection-forms-admin';
import { SamplingRulesForm } from '../features/quality/sampling-rules';
import { RefundPolicyForm } from '../features/refunds/refund-policy-form';
import { SurveySettingsForm } from '../features/surveys/survey-settings-form';
import { useSession } from '../lib/auth';

/** The administrator's rules for refunds, surveys and quality inspection. */
export function AdminDeskRulesPage() {
  const { can } = useSession();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {can('refund:admin') && <RefundPolicyForm />}
      <SurveySettingsForm />
      <SamplingRulesForm />
      <InspectionFormsAdmin />
    </Space>
  );
}
