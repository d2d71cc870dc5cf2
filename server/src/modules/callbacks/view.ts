import type { Callback } from '../../../../contracts/callbacks.js';
import { can, type Actor } from '../auth/index.js';
import { maskPhone } from '../customers/index.js';
import { isClosedState, type CallbackOutcome } from './attempts.js';
import { dueState } from './due-time.js';
import type { AttemptRow, CallbackRow } from './repository.js';

/** A callback as the reader may see it: the number masked unless their role calls customers, coloured as of `now`. */
export function callbackView(actor: Actor, r: CallbackRow, history: AttemptRow[], now: Date): Callback {
  return {
    id: r.id,
    skillGroup: { code: r.groupCode, name: r.groupName, nameEn: r.groupNameEn },
    customerPhone: can(actor, 'customer:view_phone') ? r.customerPhone : maskPhone(r.customerPhone),
    customerName: r.customerName,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    topic: r.topic,
    notes: r.notes,
    language: r.language === 'en' ? 'en' : 'zh-CN',
    state: r.state as Callback['state'],
    attempts: r.attempts,
    maxAttempts: r.retryAttempts,
    dueAt: r.dueAt,
    dueState: isClosedState(r.state) ? 'ok' : dueState(new Date(r.dueAt), now),
    bookedBy: r.bookedBy,
    takenBy: r.takenBy,
    history: history
      .filter((h) => h.callbackId === r.id)
      .map((h) => ({ attempt: h.attempt, outcome: h.outcome as CallbackOutcome, note: h.note, actor: h.actor, at: h.at })),
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    version: r.version,
  };
}
