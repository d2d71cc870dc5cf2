import { describe, expect, it } from 'vitest';
import type { Me } from '../../../contracts/auth.js';
import { withRecentPresence } from './recent-presence';

const me = { id: 4, username: 'network', presence: 'online' } as Me;
const now = Date.parse('2026-11-23T08:00:00Z');

describe('a presence just set survives a reload', () => {
  it('shows what the user set seconds ago, though the server’s session still says otherwise', () => {
    expect(withRecentPresence(me, { userId: 4, presence: 'away', at: now - 5_000 }, now).presence).toBe('away');
  });

  it('trusts the server once its session cache has expired, and for anyone else', () => {
    expect(withRecentPresence(me, { userId: 4, presence: 'away', at: now - 60_000 }, now).presence).toBe('online');
    expect(withRecentPresence(me, { userId: 5, presence: 'off', at: now }, now).presence).toBe('online');
    expect(withRecentPresence(me, { userId: 4, presence: 'asleep', at: now }, now).presence).toBe('online');
    expect(withRecentPresence(me, null, now)).toBe(me);
  });
});
