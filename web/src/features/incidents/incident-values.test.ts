import { describe, expect, it } from 'vitest';
import { incidentActions, withLiveCount } from './incident-values';

describe('incident actions', () => {
  it('offers confirm or dismiss for a new warning, dispatch once after confirming, resolve until done', () => {
    expect(incidentActions({ status: 'open', dispatchedAt: null })).toEqual(['confirm', 'dismiss']);
    expect(incidentActions({ status: 'confirmed', dispatchedAt: null })).toEqual(['dispatch', 'resolve', 'dismiss']);
    expect(incidentActions({ status: 'confirmed', dispatchedAt: '2026-11-23T02:00:00.000Z' })).toEqual(['resolve']);
    expect(incidentActions({ status: 'resolved', dispatchedAt: null })).toEqual([]);
  });
});

describe('live counts', () => {
  const items = [{ id: 1, count: 5, status: 'open' as const }];
  const event = (incidentId: number, count: number) => ({
    type: 'incident.changed' as const,
    ticketId: 9,
    number: 'TS1',
    incidentId,
    count,
    at: '',
  });

  it('raises the count of a listed incident as complaints join', () => {
    expect(withLiveCount(items, event(1, 7))).toEqual({ items: [{ id: 1, count: 7, status: 'open' }], isKnown: true });
  });
  it('never lowers a count when events arrive out of order', () => {
    expect(withLiveCount(items, event(1, 4)).items[0]!.count).toBe(5);
  });
  it('says when an incident is not listed yet', () => {
    expect(withLiveCount(items, event(2, 5)).isKnown).toBe(false);
  });
});
