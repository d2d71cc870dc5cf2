import type { MyTicket, MyTimelineEntry } from '../../../../contracts/selfservice.js';
import type { Clock } from '../../clock.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import { AppError, notFound } from '../../errors.js';
import { timelineWords, wordsFor } from './plain-words.js';
import type { SelfServiceRepository } from './repository.js';

/** The surveys module's answer, as self-service sees it (server/src/modules/surveys). */
export interface SurveyAnswerer {
  answer(a: {
    ticketId: number;
    score: number;
    comment?: string;
    via: 'web';
  }): Promise<'recorded' | 'already_answered' | 'no_survey' | 'expired'>;
}

const missing = (number: string) => notFound('ticket.not_found', `No ticket ${number}`);

// The signed-in customer's own complaints, as the /my page shows them. Another customer's number is "not found".
export function createSelfServicePortal(deps: { repo: SelfServiceRepository; clock: Clock; surveys?: SurveyAnswerer }) {
  const { repo, clock } = deps;

  return {
    async tickets(phone: string): Promise<MyTicket[]> {
      const rows = await repo.ticketsOf(phone);
      const ids = rows.map((r) => r.id);
      const [events, images] = await Promise.all([repo.customerEvents(ids), repo.attachmentsOf(ids)]);
      const imagesByEvent = new Map<number, number[]>();
      for (const a of images) if (a.event_id !== null) imagesByEvent.set(a.event_id, [...(imagesByEvent.get(a.event_id) ?? []), a.id]);
      const timelines = new Map<number, MyTimelineEntry[]>();
      for (const e of events) {
        const data = JSON.parse(e.data) as Record<string, unknown>;
        // the customer's own words and the answer given to them; never a note of staff
        const detail =
          e.action === 'customer_info' || e.action === 'customer_rating'
            ? e.note
            : e.action === 'answer' || e.action === 'resolve'
              ? ((data.answer ?? data.resolution ?? null) as string | null)
              : null;
        const entry = {
          id: e.id,
          kind: e.action,
          text: timelineWords[e.action]!,
          detail,
          images: imagesByEvent.get(e.id) ?? [],
          at: toIso(e.at),
        };
        timelines.set(e.ticket_id, [...(timelines.get(e.ticket_id) ?? []), entry]);
      }
      return rows.map((r) => {
        const answered = r.survey_status === 'answered';
        return {
          number: r.number,
          status: r.status,
          statusText: wordsFor(r.status),
          isOpen: r.status !== 'closed',
          category: { zh: r.category_zh, en: r.category_en },
          description: r.description,
          handlingUnit:
            r.unit_name !== null
              ? { name: r.unit_name, nameEn: r.unit_name_en ?? r.unit_name }
              : r.owner_unit_name !== null
                ? { name: r.owner_unit_name, nameEn: r.owner_unit_name_en ?? r.owner_unit_name }
                : null,
          answerDueAt: r.status === 'closed' ? null : toIsoOrNull(r.answer_due_at),
          acceptedAt: toIso(r.created_at),
          answer: r.answer,
          mayRate: r.status === 'closed' && !answered,
          rating: answered && r.survey_score !== null ? { score: r.survey_score, comment: r.survey_comment } : null,
          timeline: timelines.get(r.id) ?? [],
        };
      });
    },

    async ticketId(phone: string, number: string): Promise<number> {
      const t = await repo.ticketOf(phone, number);
      if (!t) throw missing(number);
      return t.id;
    },

    async image(phone: string, number: string, id: number) {
      const t = await repo.ticketOf(phone, number);
      const a = t && (await repo.attachment(t.id, id));
      if (!a) throw notFound('request.not_found', 'No such image');
      return { mime: a.mime, content: Buffer.from(a.content) };
    },

    /** for staff, once the ticket service has said they may see the ticket */
    async imageOfTicket(ticketId: number, id: number) {
      const a = await repo.attachment(ticketId, id);
      if (!a) throw notFound('request.not_found', 'No such image');
      return { mime: a.mime, content: Buffer.from(a.content) };
    },

    /** answers the ticket's satisfaction survey from the page (1–5, optional comment); only a closed ticket, once */
    async rate(phone: string, number: string, score: number, comment?: string): Promise<void> {
      const t = await repo.ticketOf(phone, number);
      if (!t) throw missing(number);
      if (t.status !== 'closed')
        throw new AppError(409, 'ticket.invalid_transition', 'Only a closed complaint can be rated', { status: t.status });
      const survey = await repo.surveyOf(t.id);
      if (survey?.status === 'answered') throw new AppError(409, 'survey.already_answered', 'This complaint has been rated already');
      const at = clock.now().toISOString();
      if (deps.surveys && survey) {
        // the surveys module records it (and opens a revisit when the customer is unsatisfied)
        const result = await deps.surveys.answer({ ticketId: t.id, score, ...(comment ? { comment } : {}), via: 'web' });
        if (result === 'recorded') return;
        if (result === 'already_answered') throw new AppError(409, 'survey.already_answered', 'This complaint has been rated already');
      }
      // no survey was sent, or the SMS survey's reply window has passed (the customer still may rate on the page), or
      // the surveys module is not wired: the rating is a survey answered on the web
      const stored = await repo.transaction(async (trx) => {
        if (!(await repo.answerSurvey(trx, { ticketId: t.id, customerId: t.customer_id, score, comment: comment ?? null, at })))
          return false;
        await repo.insertCustomerEvent(trx, {
          ticketId: t.id,
          action: 'customer_rating',
          status: t.status,
          note: comment ?? null,
          data: { score, via: 'web' },
          at,
        });
        return true;
      });
      if (!stored) throw new AppError(409, 'survey.already_answered', 'This complaint has been rated already');
    },
  };
}
export type SelfServicePortal = ReturnType<typeof createSelfServicePortal>;
