import type { TicketAction, TicketStatus } from '../../../../contracts/tickets.js';
import { Priorities, TicketActions, type Priority } from '../../../../contracts/tickets.js';

// The closed loop of DOMAIN.md §2 as data: where each action may start, where it ends, and who may take it.
// Pure: state and actor in, decision out. The service applies the decision and records the event.

export type Who =
  | 'owner_or_desk' // the first person who accepted it answers for it to the end, with the complaint desk
  | 'handling_unit' // only the department the order is with works it
  | 'handling_unit_or_desk'
  | 'participant' // owner, desk or handling unit
  | 'anyone'; // anyone whose role holds the permission and who can see the ticket

interface Rule {
  from: readonly TicketStatus[];
  to: TicketStatus | 'same' | 'resume';
  who: Who;
}

const OPEN_TO_SUSPEND: readonly TicketStatus[] = ['accepted', 'dispatched', 'processing', 'replied', 'returned'];
const NOT_CLOSED: readonly TicketStatus[] = ['accepted', 'dispatched', 'processing', 'replied', 'answered', 'returned', 'suspended'];
const ANY: readonly TicketStatus[] = [...NOT_CLOSED, 'closed'];

export const rules: Record<TicketAction, Rule> = {
  resolve: { from: ['accepted'], to: 'closed', who: 'owner_or_desk' },
  dispatch: { from: ['accepted', 'returned'], to: 'dispatched', who: 'owner_or_desk' },
  take: { from: ['dispatched'], to: 'processing', who: 'handling_unit' },
  reply: { from: ['processing'], to: 'replied', who: 'handling_unit' },
  return: { from: ['dispatched', 'processing'], to: 'returned', who: 'handling_unit' },
  transfer: { from: ['dispatched', 'processing'], to: 'dispatched', who: 'handling_unit_or_desk' },
  answer: { from: ['replied'], to: 'answered', who: 'owner_or_desk' },
  close: { from: ['answered'], to: 'closed', who: 'owner_or_desk' },
  reopen: { from: ['answered', 'closed'], to: 'accepted', who: 'owner_or_desk' },
  suspend: { from: OPEN_TO_SUSPEND, to: 'suspended', who: 'participant' },
  resume: { from: ['suspended'], to: 'resume', who: 'participant' },
  escalate: { from: NOT_CLOSED, to: 'same', who: 'anyone' },
  note: { from: ANY, to: 'same', who: 'anyone' },
};

export interface TicketState {
  status: TicketStatus;
  suspendedFrom: TicketStatus | null;
  ownerId: number | null;
  handlingUnitId: number | null;
}

export interface ActorStanding {
  userId: number;
  unitId: number;
  isDesk: boolean;
  // the role's permissions say which actions this person may ever take
  mayEver: (action: TicketAction) => boolean;
}

export type Refusal = 'forbidden' | 'not_owner' | 'not_handling_unit' | 'invalid_transition';

export type Decision = { ok: true; to: TicketStatus } | { ok: false; refusal: Refusal };

function standing(state: TicketState, actor: ActorStanding) {
  const isOwner = state.ownerId !== null && state.ownerId === actor.userId;
  const inHandlingUnit = state.handlingUnitId !== null && state.handlingUnitId === actor.unitId;
  return { isOwner, inHandlingUnit };
}

function whoAllows(who: Who, state: TicketState, actor: ActorStanding): Refusal | null {
  const { isOwner, inHandlingUnit } = standing(state, actor);
  switch (who) {
    case 'owner_or_desk':
      return isOwner || actor.isDesk ? null : 'not_owner';
    case 'handling_unit':
      return inHandlingUnit ? null : 'not_handling_unit';
    case 'handling_unit_or_desk':
      return inHandlingUnit || actor.isDesk ? null : 'not_handling_unit';
    case 'participant':
      return isOwner || actor.isDesk || inHandlingUnit ? null : 'not_owner';
    case 'anyone':
      return null;
  }
}

export function decide(state: TicketState, action: TicketAction, actor: ActorStanding): Decision {
  const rule = rules[action];
  if (!actor.mayEver(action)) return { ok: false, refusal: 'forbidden' };
  if (!rule.from.includes(state.status)) return { ok: false, refusal: 'invalid_transition' };
  const refusal = whoAllows(rule.who, state, actor);
  if (refusal) return { ok: false, refusal };
  if (rule.to === 'same') return { ok: true, to: state.status };
  if (rule.to === 'resume') {
    return state.suspendedFrom ? { ok: true, to: state.suspendedFrom } : { ok: false, refusal: 'invalid_transition' };
  }
  return { ok: true, to: rule.to };
}

export const allowedActions = (state: TicketState, actor: ActorStanding): TicketAction[] =>
  TicketActions.filter((a) => decide(state, a, actor).ok);

export const isOpen = (status: TicketStatus) => status !== 'closed';

// A complaint the customer filed without an agent has no owner yet: the first desk member who moves it (anything
// but a note or an escalation) becomes its owner and answers for it to the end (首问责任制).
export const claimsOwnership = (state: TicketState, action: TicketAction, actor: ActorStanding): boolean =>
  state.ownerId === null && actor.isDesk && action !== 'note' && action !== 'escalate';

export function raisePriority(p: Priority): Priority {
  const i = Priorities.indexOf(p);
  return Priorities[Math.min(i + 1, Priorities.length - 1)]!;
}
