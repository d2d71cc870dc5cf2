import { SlaPoliciesAdmin } from '../features/admin/sla-policies-admin';

export function AdminSlaPoliciesPage() {
  return <SlaPoliciesAdmin />;
}
