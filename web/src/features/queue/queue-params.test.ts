import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../lib/live';
import { concernsQueue, listQuery, parseQueueAddress, queueSearch } from './queue-params';

const params = (s: string) => new URLSearchParams(s);

describe('the workbench address', () => {
  it('a board link opens the company-wide queue of that unit, filtered by the SLA state', () => {
    expect(parseQueueAddress(params('unit=NET-MAINT&sla=overdue'), 'desk')).toEqual({ scope: 'all', unit: 'NET-MAINT', sla: 'overdue' });
  });

  it('for department staff the same link opens their own unit queue', () => {
    expect(parseQueueAddress(params('unit=NET-MAINT&sla=problem'), 'handler')).toEqual({ scope: 'unit', sla: 'problem' });
  });

  it('without parameters each role starts where it works, and nonsense is ignored', () => {
    expect(parseQueueAddress(params(''), 'agent')).toEqual({ scope: 'mine' });
    expect(parseQueueAddress(params(''), 'handler')).toEqual({ scope: 'unit' });
    expect(parseQueueAddress(params('tab=all&sla=late&unit=a%20b'), 'handler')).toEqual({ scope: 'unit' });
  });

  it('round-trips through the search string', () => {
    const address = { scope: 'due' as const, sla: 'breaching' as const, unit: 'IT' };
    expect(parseQueueAddress(queueSearch(address), 'manager')).toEqual(address);
  });
});

describe('list requests', () => {
  it('the about-to-breach tab asks for due order, a department only for its unit', () => {
    expect(listQuery('due', { sla: 'warning' }, 'desk')).toEqual({ sort: 'due', sla: 'warning' });
    expect(listQuery('due', {}, 'handler')).toEqual({ sort: 'due', unit: 'mine' });
  });

  it('a unit filter narrows the company-wide queue but never replaces "my unit"', () => {
    expect(listQuery('all', { unit: 'IT', status: 'dispatched' }, 'desk')).toEqual({ unit: 'IT', status: 'dispatched' });
    expect(listQuery('unit', { unit: 'IT' }, 'desk')).toEqual({ unit: 'mine' });
  });
});

describe('live refetch', () => {
  const event = (type: LiveEvent['type'], ticketId = 9): LiveEvent => ({ type, ticketId, number: 'TS1', at: '' });

  it('follows tickets on the list, and moves that may bring a ticket onto it', () => {
    expect(concernsQueue(event('ticket.sla'), 'mine', {}, [9])).toBe(true);
    expect(concernsQueue(event('ticket.changed'), 'mine', {}, [1])).toBe(false);
    expect(concernsQueue(event('ticket.changed'), 'all', {}, [1])).toBe(true);
  });

  it('a clock change off the list matters only where clocks decide the list', () => {
    expect(concernsQueue(event('ticket.sla'), 'all', {}, [1])).toBe(false);
    expect(concernsQueue(event('ticket.sla'), 'all', { sla: 'overdue' }, [1])).toBe(true);
    expect(concernsQueue(event('ticket.sla'), 'due', {}, [1])).toBe(true);
    expect(concernsQueue(event('notification'), 'due', {}, [9])).toBe(false);
  });
});
