import { EscalationRulesAdmin } from '../features/admin/escalation-rules-admin';

export function AdminEscalationRulesPage() {
  return <EscalationRulesAdmin />;
}
