import { TemplatesAdmin } from '../features/knowledge/templates-admin';

export function AdminTemplatesPage() {
  return <TemplatesAdmin />;
}
