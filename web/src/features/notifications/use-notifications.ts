import { useCallback, useEffect, useState } from 'react';
import type { Notification } from '../../../../contracts/notifications.js';
import { api } from '../../lib/api-client';
import { useLiveRefresh } from '../../lib/live';

/** The user's notifications and unread count, renewed when the server says a new one arrived. */
export function useNotifications() {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [isLoading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const list = await api.notifications();
      setItems(list.items);
      setUnread(list.unread);
    } catch {
      // the bell is not worth an error message; the next event or opening it tries again
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(load, (e) => e.type === 'notification', 500);

  const markRead = async (body: { ids: number[] } | { all: true }) => {
    const after = await api.markNotificationsRead(body);
    setUnread(after.unread);
    const at = new Date().toISOString();
    setItems((before) => before.map((n) => (n.readAt === null && ('all' in body || body.ids.includes(n.id)) ? { ...n, readAt: at } : n)));
  };

  return { items, unread, isLoading, load, markRead };
}
