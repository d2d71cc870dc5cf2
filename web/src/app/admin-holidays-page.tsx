import { HolidaysAdmin } from '../features/admin/holidays-admin';

export function AdminHolidaysPage() {
  return <HolidaysAdmin />;
}
