import { InspectionTable } from '../features/quality/inspection-table';

export function MyInspectionsPage() {
  return <InspectionTable scope="mine" />;
}
