import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../../contracts/tickets.js';
import { translate } from '../../lib/i18n';
import { peopleNamed, unassignReasonText } from './assignment-lines';
import { actionName, eventLines, type UnitNames } from './timeline-lines';

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const units: UnitNames = { byCode: (code, recorded) => recorded || code, byId: () => null };

const event = (action: string, data: Record<string, unknown>, actor: TicketEvent['actor'] = null): TicketEvent => ({
  id: 1,
  ticketId: 1,
  action,
  fromStatus: 'dispatched',
  toStatus: 'dispatched',
  actor,
  note: null,
  data,
  at: '2026-11-23T08:00:00.000Z',
});
const desk = { id: 3, name: '李娟', unit: null };

describe('who works the order, in the timeline', () => {
  it('names the system pushing an order to someone, and how it chose', () => {
    const assigned = event('assign', { userId: 4, userName: '王强', mode: 'least_open' });
    expect(actionName(assigned, zh)).toBe('系统分派');
    expect(actionName(assigned, en)).toBe('Assigned automatically');
    expect(eventLines(assigned, units, en)).toEqual(['Assigned to: 王强', 'Assignment: Least open first']);
    expect(eventLines(assigned, units, zh)).toEqual(['分派给：王强', '分派方式：在办最少优先']);
  });

  it('says why the system took an order back, from whom, in both languages', () => {
    const history = [event('assign', { userId: 4, userName: '王强', mode: 'round_robin' })];
    const back = event('unassign', { userId: 4, reason: 'not_taken' });
    expect(actionName(back, en)).toBe('Assignment taken back');
    expect(eventLines(back, units, en, peopleNamed(history))).toEqual(['Taken back from 王强: not taken in time']);
    expect(eventLines(event('unassign', { userId: 4, reason: 'off_duty' }), units, zh, peopleNamed(history))).toEqual([
      '从 王强 收回：单位已下班',
    ]);
  });

  it('names a supervisor’s move as a reassignment, from whom to whom', () => {
    const history = [event('dispatch', { unitCode: 'NET-MAINT', unitName: '网络维护中心', assignedTo: { id: 4, name: '王强' } })];
    const moved = event('assign', { userId: 9, userName: '赵刚', from: 4 }, desk);
    expect(actionName(moved, zh)).toBe('改派处理人');
    expect(eventLines(moved, units, en, peopleNamed(history))).toEqual(['From 王强 to 赵刚']);
    expect(eventLines(event('assign', { userId: 9, userName: '赵刚', from: null }, desk), units, en)).toEqual(['Assigned to: 赵刚']);
  });

  it('adds the person a dispatch was pushed to', () => {
    const dispatched = event('dispatch', { unitCode: 'NET-MAINT', unitName: '网络维护中心', assignedTo: { id: 4, name: '王强' } });
    expect(eventLines(dispatched, units, zh)).toEqual(['→ 网络维护中心', '分派给：王强']);
    expect(eventLines(event('dispatch', { unitCode: 'NET-MAINT', unitName: '网络维护中心', assignedTo: null }), units, zh)).toEqual([
      '→ 网络维护中心',
    ]);
  });

  it('keeps a reason or a person it does not know recognisable', () => {
    expect(unassignReasonText('went_fishing', en)).toBe('went_fishing');
    expect(unassignReasonText('left_unit', en)).toBe('the assignee left the unit');
    expect(eventLines(event('unassign', { userId: 77, reason: 'away' }), units, en)).toEqual([
      'Taken back from user #77: the assignee went away',
    ]);
  });
});
