import { CalendarsAdmin } from '../features/admin/calendars-admin';

export function AdminCalendarsPage() {
  return <CalendarsAdmin />;
}
