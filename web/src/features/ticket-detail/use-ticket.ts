import { useCallback, useEffect, useState } from 'react';
import type { TicketEvent, TicketView } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';

/** A ticket and its timeline, read together so the buttons and the history always agree. */
export function useTicket(idOrNumber: string) {
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [events, setEvents] = useState<TicketEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(true);

  const read = useCallback(
    async (isQuiet: boolean) => {
      if (!isQuiet) setLoading(true);
      try {
        const next = await api.getTicket(idOrNumber);
        const timeline = await api.ticketEvents(next.id);
        setTicket(next);
        setEvents(timeline.items);
        setError(null);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [idOrNumber],
  );
  const load = useCallback(() => read(false), [read]);
  /** after a change made elsewhere: no spinner over what the user is reading */
  const refresh = useCallback(() => read(true), [read]);

  useEffect(() => {
    void load();
  }, [load]);

  return { ticket, events, error, isLoading, reload: load, refresh };
}
