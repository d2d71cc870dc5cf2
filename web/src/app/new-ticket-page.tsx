import { IntakeView } from '../features/intake/intake-view';

export function NewTicketPage() {
  return <IntakeView />;
}
