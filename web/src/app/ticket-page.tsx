import { useParams } from 'react-router';
import { TicketPatterns } from '../features/incidents/ticket-pattern-tags';
import { TicketDetailView } from '../features/ticket-detail/ticket-detail-view';

export function TicketPage() {
  const { idOrNumber = '' } = useParams();
  return (
    <>
      <TicketPatterns key={`p-${idOrNumber}`} idOrNumber={idOrNumber} />
      <TicketDetailView key={idOrNumber} idOrNumber={idOrNumber} />
    </>
  );
}
