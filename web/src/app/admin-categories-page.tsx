import { CategoriesAdmin } from '../features/admin/categories-admin';

export function AdminCategoriesPage() {
  return <CategoriesAdmin />;
}
