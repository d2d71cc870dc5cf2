import { SkillGroupsAdmin } from '../features/callbacks/skill-groups-admin';

export function AdminSkillGroupsPage() {
  return <SkillGroupsAdmin />;
}
