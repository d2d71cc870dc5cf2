import { useCallback, useEffect, useRef, useState } from 'react';
import type { StatusCounts, TicketListQuery, TicketSummary } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';

const PAGE_SIZE = 20;
const MAX_PAGE = 200;

interface Fetch {
  cursor?: string;
  /** refetch what is shown in place (as many rows as are loaded), without the loading veil */
  isRefresh?: boolean;
}

/** One queue page after another; a new query starts again from the first page. */
export function useTicketList(query: TicketListQuery) {
  const [items, setItems] = useState<TicketSummary[]>([]);
  const [counts, setCounts] = useState<StatusCounts | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(false);
  const generation = useRef(0);
  const shown = useRef(0);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    async ({ cursor, isRefresh }: Fetch = {}) => {
      const current = ++generation.current;
      if (!isRefresh) setLoading(true);
      try {
        const limit = isRefresh ? Math.min(Math.max(PAGE_SIZE, shown.current), MAX_PAGE) : PAGE_SIZE;
        const page = await api.listTickets({ ...(JSON.parse(key) as TicketListQuery), limit: String(limit), cursor });
        if (current !== generation.current) return;
        setItems((before) => {
          const next = cursor ? [...before, ...page.items] : page.items;
          shown.current = next.length;
          return next;
        });
        setCounts(page.counts);
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        if (current === generation.current) setError(e);
      } finally {
        if (current === generation.current) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    shown.current = 0;
    void fetchPage();
  }, [fetchPage]);

  return {
    items,
    counts,
    error,
    isLoading,
    hasMore: nextCursor !== null,
    loadMore: () => (nextCursor ? fetchPage({ cursor: nextCursor }) : Promise.resolve()),
    reload: () => fetchPage(),
    refresh: () => fetchPage({ isRefresh: true }),
  };
}
