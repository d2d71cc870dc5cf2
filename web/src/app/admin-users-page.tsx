import { UsersAdmin } from '../features/admin/users-admin';

export function AdminUsersPage() {
  return <UsersAdmin />;
}
