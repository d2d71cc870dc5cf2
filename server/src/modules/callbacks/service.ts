import type { AttemptBody, BookCallbackBody, Callback, CallbackQuery } from '../../../../contracts/callbacks.js';
import type { Clock } from '../../clock.js';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import type { ReferenceCache } from '../../reference-cache.js';
import type { Actor } from '../auth/index.js';
import type { SmsOutbox } from '../sms/index.js';
import { afterAttempt, isClosedState } from './attempts.js';
import { firstDueAt, retryDueAt, skillGroupCalendar } from './due-time.js';
import type { CallbackRepository } from './repository.js';
import { callbackView } from './view.js';
import { unreachedSms } from './sms-text.js';

export interface CallbackServiceDeps {
  repo: CallbackRepository;
  clock: Clock;
  smsOutbox: SmsOutbox;
  cache: ReferenceCache;
  timeZone: string;
  /** after a commit that added a `callback` event to a ticket: open ticket pages refresh their timeline */
  onTicketEvent?: (ticket: { id: number; number: string; status: string; handlingUnitId: number | null }) => void;
}

// Booking, the queue and each call's outcome. A callback's own row is its present; each attempt is kept, and the
// customer's ticket (when there is one) gets a 'callback' event for the booking and every outcome.
export function createCallbackService({ repo, clock, smsOutbox, cache, timeZone, onTicketEvent }: CallbackServiceDeps) {
  async function announce(ticketId: number | null) {
    if (ticketId === null || !onTicketEvent) return;
    const t = await repo.ticketHeadline(ticketId);
    if (t) onTicketEvent({ id: t.id, number: t.number, status: t.status, handlingUnitId: t.handling_unit_id });
  }

  async function calendarOf(group: { calendar_id: number | null }) {
    const days = await cache.get('callbacks:national-days', () => repo.nationalDays());
    if (group.calendar_id === null) return skillGroupCalendar(timeZone, days);
    const own = await cache.get(`callbacks:calendar:${group.calendar_id}`, () => repo.findCalendar({ id: group.calendar_id! }));
    return skillGroupCalendar(timeZone, days, own);
  }

  async function load(actor: Actor, id: number): Promise<Callback> {
    const r = await repo.findCallback(repo.kysely, id);
    if (!r) throw notFound('callback.not_found', `No callback ${id}`);
    return callbackView(actor, r, await repo.attemptsOf([id]), clock.now());
  }

  async function groupByCode(code: string, field: string) {
    const g = await repo.findGroup({ code });
    if (!g || g.is_active !== 1) throw unprocessable('skill_group.not_found', `No active skill group ${code}`, { field });
    return g;
  }

  async function ticketByNumber(number: string, field: string) {
    const t = await repo.ticketByNumber(number);
    if (!t) throw unprocessable('ticket.not_found', `No ticket ${number}`, { field });
    return t;
  }

  /** specialists work the groups they belong to (every specialist a group with no members yet); the desk any group */
  async function mayWork(actor: Actor, groupId: number) {
    if (actor.role === 'desk' || (await repo.isMember(groupId, actor.id))) return;
    // a group nobody was assigned to yet would otherwise leave its callbacks to the desk alone
    if (actor.role === 'specialist' && !(await repo.hasMembers(groupId))) return;
    throw forbidden('callback.not_member', 'Only members of the skill group work its callbacks');
  }

  const lostRace = () => conflict('conflict.version', 'The callback was changed by someone else; reload it');

  return {
    calendarOf,

    async book(actor: Actor, body: BookCallbackBody): Promise<Callback> {
      const group = await groupByCode(body.skillGroup, 'body.skillGroup');
      const ticket = body.ticketNumber ? await ticketByNumber(body.ticketNumber, 'body.ticketNumber') : undefined;
      const customer = await repo.customerByPhone(body.customerPhone);
      const cal = await calendarOf(group);
      const now = clock.now();
      const dueAt = firstDueAt(cal, now);
      const id = await repo.transaction(async (trx) => {
        const id = await repo.insertCallback(trx, {
          skill_group_id: group.id,
          customer_phone: body.customerPhone,
          customer_id: customer?.id ?? null,
          ticket_id: ticket?.id ?? null,
          topic: body.topic,
          notes: body.notes ?? null,
          language: body.language ?? 'zh-CN',
          state: 'open',
          due_at: dueAt.toISOString(),
          booked_by: actor.id,
          taken_by: null,
          taken_at: null,
          closed_at: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
        if (ticket)
          await repo.appendTicketEvent(trx, {
            ticketId: ticket.id,
            actorId: actor.id,
            note: body.notes ?? null,
            data: { callbackId: id, callback: 'booked', skillGroup: group.code, topic: body.topic, dueAt: dueAt.toISOString() },
            at: now.toISOString(),
          });
        return id;
      });
      await announce(ticket?.id ?? null);
      return load(actor, id);
    },

    async list(actor: Actor, q: CallbackQuery): Promise<Callback[]> {
      const group = q.skillGroup ? await groupByCode(q.skillGroup, 'querystring.skillGroup') : undefined;
      const ticket = q.ticketNumber ? await ticketByNumber(q.ticketNumber, 'querystring.ticketNumber') : undefined;
      const state = q.state ?? 'active';
      const rows = await repo.listCallbacks({
        groupId: group?.id,
        ticketId: ticket?.id,
        states: state === 'active' ? ['open', 'taken'] : [state],
        limit: q.limit ? Number(q.limit) : 100,
      });
      const history = await repo.attemptsOf(rows.map((r) => r.id));
      const now = clock.now();
      return rows.map((r) => callbackView(actor, r, history, now));
    },

    get: load,

    async take(actor: Actor, id: number): Promise<Callback> {
      const cb = await repo.findCallback(repo.kysely, id);
      if (!cb) throw notFound('callback.not_found', `No callback ${id}`);
      await mayWork(actor, cb.groupId);
      if (isClosedState(cb.state)) throw conflict('callback.closed', 'This callback is finished');
      if (cb.state === 'taken' && cb.takenBy?.id !== actor.id)
        throw conflict('callback.already_taken', `${cb.takenBy?.displayName ?? ''} is calling this customer`, { takenBy: cb.takenBy });
      if (cb.state === 'open') {
        const now = clock.now().toISOString();
        const ok = await repo.updateCallback(repo.kysely, id, cb.version, {
          state: 'taken',
          taken_by: actor.id,
          taken_at: now,
          updated_at: now,
        });
        if (!ok) throw conflict('callback.already_taken', 'Someone took this callback first');
      }
      return load(actor, id);
    },

    async recordAttempt(actor: Actor, id: number, body: AttemptBody): Promise<Callback> {
      const cb = await repo.findCallback(repo.kysely, id);
      if (!cb) throw notFound('callback.not_found', `No callback ${id}`);
      await mayWork(actor, cb.groupId);
      if (isClosedState(cb.state)) throw conflict('callback.closed', 'This callback is finished');
      if (cb.state === 'taken' && cb.takenBy?.id !== actor.id)
        throw conflict('callback.already_taken', `${cb.takenBy?.displayName ?? ''} is calling this customer`, { takenBy: cb.takenBy });
      const group = (await repo.findGroup({ id: cb.groupId }))!;
      const linked = body.ticketNumber && cb.ticketId === null ? await ticketByNumber(body.ticketNumber, 'body.ticketNumber') : undefined;
      const ticketId = cb.ticketId ?? linked?.id ?? null;
      const attempt = cb.attempts + 1;
      const effect = afterAttempt({ attempts: group.retry_attempts, minutes: group.retry_minutes }, attempt, body.outcome);
      const now = clock.now();
      const nextDue = effect.state === 'open' ? retryDueAt(await calendarOf(group), now, effect.retryInMinutes) : null;
      await repo.transaction(async (trx) => {
        const ok = await repo.updateCallback(trx, id, cb.version, {
          state: effect.state,
          attempts: attempt,
          ticket_id: ticketId,
          taken_by: effect.state === 'open' ? null : actor.id,
          taken_at: effect.state === 'open' ? null : now.toISOString(),
          ...(nextDue ? { due_at: nextDue.toISOString() } : {}),
          closed_at: effect.closed ? now.toISOString() : null,
          updated_at: now.toISOString(),
        });
        if (!ok) throw lostRace();
        await repo.insertAttempt(trx, {
          callbackId: id,
          attempt,
          outcome: body.outcome,
          note: body.note ?? null,
          actorId: actor.id,
          at: now.toISOString(),
        });
        if (effect.sendSms)
          await smsOutbox.enqueue(trx, {
            phone: cb.customerPhone,
            text: unreachedSms(cb.language, cb.topic),
            purpose: 'callback',
            ...(ticketId !== null ? { ticketId } : {}),
            dedupeKey: `callback:${id}:unreached`,
          });
        if (ticketId !== null)
          await repo.appendTicketEvent(trx, {
            ticketId,
            actorId: actor.id,
            note: body.note ?? null,
            data: {
              callbackId: id,
              callback: body.outcome,
              attempt,
              maxAttempts: group.retry_attempts,
              ...(nextDue ? { dueAt: nextDue.toISOString() } : {}),
              ...(effect.sendSms ? { smsSent: true } : {}),
            },
            at: now.toISOString(),
          });
      });
      await announce(ticketId);
      return load(actor, id);
    },
  };
}
export type CallbackService = ReturnType<typeof createCallbackService>;
