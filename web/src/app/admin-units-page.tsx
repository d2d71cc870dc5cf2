import { UnitsAdmin } from '../features/admin/units-admin';

export function AdminUnitsPage() {
  return <UnitsAdmin />;
}
