import { useCallback, useEffect, useRef, useState } from 'react';
import type { StatusCounts, TicketListQuery, TicketSummary } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';
import type { TicketStatus } from '../../lib/vocabulary';

export type QueueScope = 'mine' | 'unit' | 'all';

export interface QueueFilter {
  status?: TicketStatus;
  q?: string;
  phone?: string;
}

const PAGE_SIZE = 20;
const scopeQuery: Record<QueueScope, TicketListQuery> = { mine: { owner: 'me' }, unit: { unit: 'mine' }, all: {} };

/** One queue page after another; a filter change starts again from the first page. */
export function useTicketList(scope: QueueScope, filter: QueueFilter) {
  const [items, setItems] = useState<TicketSummary[]>([]);
  const [counts, setCounts] = useState<StatusCounts | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(false);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (cursor?: string) => {
      const current = ++generation.current;
      setLoading(true);
      try {
        const query: TicketListQuery = { ...scopeQuery[scope], ...filter, limit: String(PAGE_SIZE), cursor };
        const page = await api.listTickets(query);
        if (current !== generation.current) return;
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setCounts(page.counts);
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        if (current === generation.current) setError(e);
      } finally {
        if (current === generation.current) setLoading(false);
      }
    },
    [scope, filter],
  );

  useEffect(() => {
    void fetchPage();
  }, [fetchPage]);

  return {
    items,
    counts,
    error,
    isLoading,
    hasMore: nextCursor !== null,
    loadMore: () => (nextCursor ? fetchPage(nextCursor) : Promise.resolve()),
    refresh: () => fetchPage(),
  };
}
