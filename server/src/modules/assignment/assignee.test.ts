import { describe, expect, it } from 'vitest';
import { chooseAssignee, type Member } from './assignee.js';

const at = (h: number) => new Date(Date.UTC(2026, 10, 23, h));
const member = (userId: number, over: Partial<Member> = {}): Member => ({
  userId,
  presence: 'online',
  onDuty: true,
  open: 0,
  lastAssignedAt: null,
  skills: [],
  ...over,
});

describe('choosing an assignee', () => {
  const team = [
    member(1, { open: 3, lastAssignedAt: at(9) }),
    member(2, { open: 1, lastAssignedAt: at(10) }),
    member(3, { open: 2, lastAssignedAt: at(8) }),
  ];

  it('leaves a pull unit’s orders in the pool', () => {
    expect(chooseAssignee(team, 'pull', null, '0101')).toBeNull();
  });

  it('takes turns in round robin: whoever waited longest since their last order', () => {
    expect(chooseAssignee(team, 'round_robin', null, '0101')?.userId).toBe(3);
    expect(chooseAssignee([...team, member(4)], 'round_robin', null, '0101')?.userId).toBe(4);
  });

  it('gives the order to whoever carries least', () => {
    expect(chooseAssignee(team, 'least_open', null, '0101')?.userId).toBe(2);
  });

  it('prefers someone who knows the category, inheriting first-level skills', () => {
    const skilled = [member(1, { open: 0 }), member(2, { open: 4, skills: ['01'] }), member(3, { open: 5, skills: ['0101'] })];
    expect(chooseAssignee(skilled, 'skill', null, '0101')?.userId).toBe(2);
    expect(chooseAssignee(skilled, 'skill', null, '0301')?.userId).toBe(1);
  });

  it('never picks someone away, off duty or at their cap', () => {
    const busy = [member(1, { presence: 'away' }), member(2, { onDuty: false }), member(3, { open: 5 }), member(4, { open: 4 })];
    expect(chooseAssignee(busy, 'least_open', 5, '0101')?.userId).toBe(4);
    expect(chooseAssignee(busy.slice(0, 3), 'least_open', 5, '0101')).toBeNull();
  });
});
