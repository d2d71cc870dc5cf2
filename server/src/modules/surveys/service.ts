import type {
  CompleteRevisitBody,
  RecordSurveyResult,
  Revisit,
  RevisitListQuery,
  Survey,
  SurveyAnswerResult,
  SurveySettings,
  SurveyVia,
} from '../../../../contracts/surveys.js';
import type { Clock } from '../../clock.js';
import { toIso } from '../../db/dialect.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { Actor } from '../auth/index.js';
import type { TicketService } from '../tickets/index.js';
import { surveyView, type SurveyRepository } from './repository.js';

export interface SurveyAnswer {
  ticketId: number;
  score: number;
  comment?: string;
  via: SurveyVia;
}

export interface SurveyDeps {
  repo: SurveyRepository;
  clock: Clock;
  /** the ticket flow: who may see a ticket, and the 'reopen' action a revisit may take */
  tickets: Pick<TicketService, 'get' | 'act'>;
}

// Answers from every path (SMS reply, self-service page, IVR, an agent on the phone) land here, once per survey.
// An unsatisfied answer gives the ticket's owner a revisit (回访), which may reopen the complaint.
export function createSurveyService({ repo, clock, tickets }: SurveyDeps) {
  async function answer(a: SurveyAnswer): Promise<SurveyAnswerResult> {
    if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5)
      throw badRequest('validation.out_of_range', 'A survey score is a whole number from 1 to 5', { field: 'score' });
    const survey = await repo.byTicket(a.ticketId);
    if (!survey) return 'no_survey';
    if (survey.status === 'answered') return 'already_answered';
    if (survey.status === 'expired') return 'expired';
    const now = clock.now();
    const at = now.toISOString();
    if (now.getTime() >= new Date(toIso(survey.expires_at)).getTime()) {
      await repo.transaction((trx) => repo.expire(trx, survey.id));
      return 'expired';
    }
    const [settings, ticket] = await Promise.all([repo.settings(), repo.ticketFacts(a.ticketId)]);
    if (!ticket) return 'no_survey';
    const unsatisfied = a.score <= settings.unsatisfiedAtMost;
    const recorded = await repo.transaction(async (trx) => {
      if (!(await repo.recordAnswer(trx, survey.id, { score: a.score, comment: a.comment ?? null, via: a.via, at }))) return false;
      await repo.insertEvent(trx, {
        ticketId: a.ticketId,
        action: 'survey',
        status: ticket.status,
        actorId: null,
        note: a.comment ?? null,
        data: { score: a.score, via: a.via, unsatisfied },
        at,
      });
      if (unsatisfied)
        await repo.insertRevisit(trx, { ticketId: a.ticketId, surveyId: survey.id, ownerId: ticket.owner_id, score: a.score, at });
      return true;
    });
    return recorded ? 'recorded' : 'already_answered';
  }

  async function visibleTicketId(actor: Actor, idOrNumber: string): Promise<number> {
    return (await tickets.get(actor, idOrNumber)).id;
  }

  const viewOf = async (ticketId: number): Promise<Survey | null> => {
    const s = await repo.byTicket(ticketId);
    return s ? surveyView(s) : null;
  };

  return {
    answer,

    /** an SMS reply: matched by the extension it was sent to, and only from the number the survey went to */
    async answerByReply(r: { replyCode: string; phone: string; score: number }): Promise<SurveyAnswerResult> {
      const survey = await repo.byReplyCode(r.replyCode);
      if (!survey || survey.phone !== r.phone) return 'no_survey';
      return answer({ ticketId: survey.ticket_id, score: r.score, via: 'sms' });
    },

    async forTicket(actor: Actor, idOrNumber: string): Promise<{ survey: Survey | null }> {
      return { survey: await viewOf(await visibleTicketId(actor, idOrNumber)) };
    },

    /** a survey done by phone: the agent records what the customer said */
    async recordByAgent(actor: Actor, idOrNumber: string, body: { score: number; comment?: string }): Promise<RecordSurveyResult> {
      const ticketId = await visibleTicketId(actor, idOrNumber);
      const result = await answer({ ticketId, score: body.score, ...(body.comment ? { comment: body.comment } : {}), via: 'agent' });
      return { result, survey: await viewOf(ticketId) };
    },

    settings: () => repo.settings(),
    async saveSettings(s: SurveySettings): Promise<SurveySettings> {
      await repo.saveSettings(s, clock.now().toISOString());
      return repo.settings();
    },

    async revisits(actor: Actor, q: RevisitListQuery): Promise<{ items: Revisit[] }> {
      const all = q.scope === 'all';
      if (all && actor.role !== 'desk' && !actor.isSupervisor)
        throw forbidden('auth.forbidden', "Only the complaint desk and supervisors see everyone's revisits");
      return { items: await repo.listRevisits({ ...(all ? {} : { ownerId: actor.id }), ...(q.status ? { status: q.status } : {}) }) };
    },

    async completeRevisit(actor: Actor, id: number, body: CompleteRevisitBody): Promise<Revisit> {
      const r = await repo.revisit(id);
      if (!r) throw notFound('revisit.not_found', `No revisit ${id}`);
      if (r.status !== 'open') throw conflict('revisit.done', 'This revisit is already done');
      if (r.owner_id !== actor.id && actor.role !== 'desk')
        throw forbidden('ticket.not_owner', "Only the ticket's owner or the complaint desk completes its revisit");
      // the reopen goes through the ticket workflow, with its own rules and event
      if (body.reopen) await tickets.act(actor, String(r.ticket_id), 'reopen', { reason: body.note });
      const ticket = (await repo.ticketFacts(r.ticket_id))!;
      const at = clock.now().toISOString();
      const done = await repo.transaction(async (trx) => {
        if (!(await repo.completeRevisit(trx, id, { outcome: body.outcome, note: body.note, reopened: !!body.reopen, by: actor.id, at })))
          return false;
        await repo.insertEvent(trx, {
          ticketId: r.ticket_id,
          action: 'revisit',
          status: ticket.status,
          actorId: actor.id,
          note: body.note,
          data: { outcome: body.outcome, reopened: !!body.reopen },
          at,
        });
        return true;
      });
      if (!done) throw conflict('revisit.done', 'This revisit is already done');
      return (await repo.listRevisits({ id }))[0]!;
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
