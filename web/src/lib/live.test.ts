import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalesce, parseLiveEvent } from './live';

afterEach(() => vi.useRealTimers());

describe('live events', () => {
  it('are read from the stream with their type, and a malformed one is dropped', () => {
    expect(parseLiveEvent('ticket.sla', '{"type":"ticket.sla","ticketId":7,"number":"TS1","state":"overdue","at":"x"}')).toMatchObject({
      type: 'ticket.sla',
      ticketId: 7,
      state: 'overdue',
    });
    expect(parseLiveEvent('notification', 'not json')).toBeNull();
    expect(parseLiveEvent('notification', '{}')).toBeNull();
  });

  it('a burst of changes becomes one refetch, and a steady stream still refetches', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const c = coalesce(fn, 1000);
    for (let i = 0; i < 5; i++) {
      c.schedule();
      vi.advanceTimersByTime(300);
    }
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
    c.schedule();
    c.cancel();
    vi.advanceTimersByTime(2000);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
