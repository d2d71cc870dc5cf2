import { RoutingAdmin } from '../features/admin/routing-admin';

export function AdminRoutingPage() {
  return <RoutingAdmin />;
}
