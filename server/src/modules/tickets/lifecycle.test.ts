import { describe, expect, it } from 'vitest';
import { TicketActions, TicketStatuses, type TicketAction, type TicketStatus } from '../../../../contracts/tickets.js';
import { allowedActions, claimsOwnership, decide, raisePriority, type ActorStanding, type TicketState } from './lifecycle.js';

// The closed loop, written out as the people of DOMAIN.md §2 describe it: where each action leads from each status.
const expected: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>> = {
  accepted: { resolve: 'closed', dispatch: 'dispatched', suspend: 'suspended', escalate: 'accepted', note: 'accepted' },
  dispatched: {
    take: 'processing',
    return: 'returned',
    transfer: 'dispatched',
    suspend: 'suspended',
    escalate: 'dispatched',
    note: 'dispatched',
  },
  processing: {
    reply: 'replied',
    return: 'returned',
    transfer: 'dispatched',
    suspend: 'suspended',
    escalate: 'processing',
    note: 'processing',
  },
  replied: { answer: 'answered', suspend: 'suspended', escalate: 'replied', note: 'replied' },
  answered: { close: 'closed', reopen: 'accepted', escalate: 'answered', note: 'answered' },
  closed: { reopen: 'accepted', note: 'closed' },
  returned: { dispatch: 'dispatched', suspend: 'suspended', escalate: 'returned', note: 'returned' },
  suspended: { resume: 'processing', escalate: 'suspended', note: 'suspended' },
};

const OWNER = 1;
const UNIT = 10;
// an actor who is owner, desk and in the handling unit at once: only the status can refuse
const everyone: ActorStanding = { userId: OWNER, unitId: UNIT, isDesk: true, mayEver: () => true };
const state = (status: TicketStatus): TicketState => ({
  status,
  suspendedFrom: status === 'suspended' ? 'processing' : null,
  ownerId: OWNER,
  handlingUnitId: UNIT,
});

describe('every status × action', () => {
  for (const status of TicketStatuses) {
    for (const action of TicketActions) {
      const to = expected[status][action];
      it(`${action} on a ${status} ticket ${to ? `leads to ${to}` : 'is refused'}`, () => {
        const d = decide(state(status), action, everyone);
        expect(d).toEqual(to ? { ok: true, to } : { ok: false, refusal: 'invalid_transition' });
      });
    }
  }
});

describe('who may act', () => {
  const agentOwner: ActorStanding = { userId: OWNER, unitId: 2, isDesk: false, mayEver: () => true };
  const otherAgent: ActorStanding = { userId: 99, unitId: 2, isDesk: false, mayEver: () => true };
  const desk: ActorStanding = { userId: 50, unitId: 3, isDesk: true, mayEver: () => true };
  const department: ActorStanding = { userId: 70, unitId: UNIT, isDesk: false, mayEver: () => true };
  const otherDepartment: ActorStanding = { userId: 71, unitId: 11, isDesk: false, mayEver: () => true };

  it('lets only the owner or the desk dispatch, answer, close and reopen', () => {
    expect(decide(state('accepted'), 'dispatch', otherAgent)).toEqual({ ok: false, refusal: 'not_owner' });
    expect(decide(state('accepted'), 'dispatch', agentOwner).ok).toBe(true);
    expect(decide(state('accepted'), 'dispatch', desk).ok).toBe(true);
    expect(decide(state('replied'), 'answer', department)).toEqual({ ok: false, refusal: 'not_owner' });
    expect(decide(state('closed'), 'reopen', otherAgent)).toEqual({ ok: false, refusal: 'not_owner' });
  });

  it('lets only the handling unit take, reply and return', () => {
    expect(decide(state('dispatched'), 'take', otherDepartment)).toEqual({ ok: false, refusal: 'not_handling_unit' });
    expect(decide(state('dispatched'), 'take', agentOwner)).toEqual({ ok: false, refusal: 'not_handling_unit' });
    expect(decide(state('dispatched'), 'take', department)).toEqual({ ok: true, to: 'processing' });
    expect(decide(state('processing'), 'reply', department)).toEqual({ ok: true, to: 'replied' });
    expect(decide(state('processing'), 'return', desk)).toEqual({ ok: false, refusal: 'not_handling_unit' });
  });

  it('lets the desk transfer an order it does not hold', () => {
    expect(decide(state('dispatched'), 'transfer', desk)).toEqual({ ok: true, to: 'dispatched' });
    expect(decide(state('dispatched'), 'transfer', otherDepartment)).toEqual({ ok: false, refusal: 'not_handling_unit' });
  });

  it('refuses an action the role never has, before looking at the ticket', () => {
    const readOnly: ActorStanding = { ...agentOwner, mayEver: (a) => a === 'note' };
    expect(decide(state('accepted'), 'dispatch', readOnly)).toEqual({ ok: false, refusal: 'forbidden' });
    expect(decide(state('accepted'), 'note', readOnly).ok).toBe(true);
  });

  it('offers the department exactly its moves on a dispatched order', () => {
    expect(allowedActions(state('dispatched'), department)).toEqual(['take', 'return', 'transfer', 'suspend', 'escalate', 'note']);
    expect(allowedActions(state('dispatched'), agentOwner)).toEqual(['suspend', 'escalate', 'note']);
  });

  it('resumes to wherever the ticket was suspended from', () => {
    const s: TicketState = { ...state('suspended'), suspendedFrom: 'returned' };
    expect(decide(s, 'resume', agentOwner)).toEqual({ ok: true, to: 'returned' });
  });
});

describe('escalation priority', () => {
  it('raises one step at a time and stops at urgent', () => {
    expect(raisePriority('low')).toBe('normal');
    expect(raisePriority('normal')).toBe('high');
    expect(raisePriority('high')).toBe('urgent');
    expect(raisePriority('urgent')).toBe('urgent');
  });
});

describe('a self-service complaint without an owner', () => {
  const unowned: TicketState = { status: 'accepted', suspendedFrom: null, ownerId: null, handlingUnitId: null };
  const desk: ActorStanding = { userId: 50, unitId: 3, isDesk: true, mayEver: () => true };
  const agent: ActorStanding = { userId: 51, unitId: 2, isDesk: false, mayEver: () => true };

  it('is worked by the desk, whose first move makes that member the owner', () => {
    expect(decide(unowned, 'dispatch', desk)).toEqual({ ok: true, to: 'dispatched' });
    expect(claimsOwnership(unowned, 'dispatch', desk)).toBe(true);
    expect(claimsOwnership(unowned, 'resolve', desk)).toBe(true);
  });

  it('is not claimed by a note or an escalation, nor by anyone outside the desk', () => {
    expect(claimsOwnership(unowned, 'note', desk)).toBe(false);
    expect(claimsOwnership(unowned, 'escalate', desk)).toBe(false);
    expect(decide(unowned, 'dispatch', agent)).toEqual({ ok: false, refusal: 'not_owner' });
    expect(claimsOwnership({ ...unowned, ownerId: 1 }, 'dispatch', desk)).toBe(false);
  });
});
