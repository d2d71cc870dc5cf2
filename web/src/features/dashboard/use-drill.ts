import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';
import type { Drill } from './figures';

const PAGE = 50;

/** The tickets behind a clicked figure, a page at a time. */
export function useDrill(drill: Drill | null) {
  const [items, setItems] = useState<TicketSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(false);
  const generation = useRef(0);
  const key = drill ? JSON.stringify(drill) : null;

  const load = useCallback(
    async (after?: string) => {
      if (!key) return;
      const d = JSON.parse(key) as Drill;
      const current = ++generation.current;
      setLoading(true);
      try {
        const page = await api.statsTickets({
          figure: d.figure,
          from: d.from,
          to: d.to,
          by: d.by,
          group: d.group,
          limit: String(PAGE),
          cursor: after,
        });
        if (current !== generation.current) return;
        setItems((before) => (after ? [...before, ...page.items] : page.items));
        setCursor(page.nextCursor);
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
    setItems([]);
    setCursor(null);
    void load();
  }, [load]);

  return { items, error, isLoading, hasMore: cursor !== null, loadMore: () => (cursor ? load(cursor) : Promise.resolve()) };
}
