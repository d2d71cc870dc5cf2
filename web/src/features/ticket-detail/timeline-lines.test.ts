import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../../contracts/tickets.js';
import { translate } from '../../lib/i18n';
import { actionName, eventLines, type UnitNames } from './timeline-lines';

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const units: UnitNames = { byCode: (code) => `unit ${code}`, byId: (id) => (id === 14 ? 'Network Maintenance Centre' : null) };

const systemEvent = (action: string, data: Record<string, unknown>): TicketEvent => ({
  id: 1,
  ticketId: 1,
  action,
  fromStatus: 'processing',
  toStatus: 'processing',
  actor: null,
  note: null,
  data,
  at: '2026-11-23T08:00:00.000Z',
});

describe('the system in the timeline', () => {
  it('names a fired clock in both languages, with its deadline', () => {
    const event = systemEvent('sla.overdue', { clock: 'reply', from: 'warning', to: 'overdue', dueAt: '2026-11-25T12:13:40.143Z' });
    expect(actionName(event, zh)).toBe('回单已超时');
    expect(actionName(event, en)).toBe('Reply overdue');
    expect(eventLines(event, units, en)).toEqual([expect.stringMatching(/^Deadline: 2026-11-2[56] \d\d:\d\d$/)]);
    expect(actionName(systemEvent('sla.legal_warning', {}), zh)).toBe('法定时限即将到期');
  });

  it('says what an automatic escalation changed: the rule, the priority, the unit', () => {
    const event = systemEvent('escalate', { rule: 'Network overdue', priority: 'high', unitId: 14 });
    expect(actionName(event, en)).toBe('Automatic escalation');
    expect(eventLines(event, units, en)).toEqual(['→ Network Maintenance Centre', 'Rule: Network overdue', 'Priority raised to: High']);
    expect(eventLines(event, units, zh)).toContain('优先级升为：高');
  });

  it("keeps a person's escalation named as the action", () => {
    const event = { ...systemEvent('escalate', { reason: 'VIP' }), actor: { id: 3, name: '李娟', unit: null } };
    expect(actionName(event, en)).toBe('Escalate');
    expect(eventLines(event, units, en)).toEqual(['Reason: VIP']);
  });
});
