import { useNavigate } from 'react-router';
import { DashboardView } from '../features/dashboard/dashboard-view';
import { TicketTable } from '../features/queue/ticket-table';

export function DashboardPage() {
  const navigate = useNavigate();
  return (
    <DashboardView
      onOpenTicket={(number) => void navigate(`/tickets/${number}`)}
      renderTickets={(items, isLoading) => (
        <TicketTable items={items} isLoading={isLoading} onOpen={(ticket) => void navigate(`/tickets/${ticket.number}`)} />
      )}
    />
  );
}
