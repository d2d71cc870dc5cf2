import { SmsAdmin } from '../features/sms-admin/sms-admin';

export function AdminSmsPage() {
  return <SmsAdmin />;
}
