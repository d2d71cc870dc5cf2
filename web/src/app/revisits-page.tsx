import { RevisitList } from '../features/surveys/revisit-list';

export function RevisitsPage() {
  return <RevisitList />;
}
