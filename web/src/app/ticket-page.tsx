import { useParams } from 'react-router';
import { TicketDetailView } from '../features/ticket-detail/ticket-detail-view';

export function TicketPage() {
  const { idOrNumber = '' } = useParams();
  return <TicketDetailView key={idOrNumber} idOrNumber={idOrNumber} />;
}
