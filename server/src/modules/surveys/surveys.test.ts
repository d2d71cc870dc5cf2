import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Revisit, RecordSurveyResult, TicketSurvey } from '../../../../contracts/surveys.js';
import type { TicketEvent, TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let desk: Client;
let admin: Client;
let network: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [agent, desk, admin, network] = await Promise.all([ctx.login('agent'), ctx.login('desk'), ctx.login('admin'), ctx.login('network')]);
});
afterAll(() => ctx.close());

const k = () => ctx.database.db.kysely;

// a complaint solved at first contact is closed at once
async function closedTicket(phone = '13800138000'): Promise<TicketView> {
  const res = await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: phone, resolveNow: { resolution: '已现场解决' } }));
  expect(res.statusCode).toBe(201);
  return res.json() as TicketView;
}

const surveyOf = async (id: number) => ((await agent.get(`/api/v1/tickets/${id}/survey`)).json() as TicketSurvey).survey;
const smsOf = (ticketId: number) => k().selectFrom('sms_outbox').selectAll().where('ticket_id', '=', ticketId).execute();

describe('the satisfaction survey after close', () => {
  it('is created once per ticket with the closing SMS sent from the survey’s own extension', async () => {
    const t = await closedTicket();
    const survey = (await surveyOf(t.id))!;
    expect(survey).toMatchObject({ channel: 'sms', status: 'pending', score: null });
    expect(survey.expiresAt).toBe('2026-11-30T02:00:00.000Z');
    const row = await k().selectFrom('surveys').select('reply_code').where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
    const sms = await smsOf(t.id);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({
      phone: '13800138000',
      purpose: 'survey',
      sender: `10086${row.reply_code}`,
      dedupe_key: `survey:${t.id}`,
    });
    expect(sms[0]!.text).toContain(t.number);
    expect(sms[0]!.text).toContain('1非常不满意');
    // one UCS-2 message: Chinese text is split past 70 characters, and each part costs
    expect([...sms[0]!.text].length).toBeLessThanOrEqual(70);
  });

  it('asks in the customer’s language', async () => {
    await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13700001111', categoryCode: '0102' }));
    await k().updateTable('customers').set({ language: 'en' }).where('phone', '=', '13700001111').execute();
    const t = await closedTicket('13700001111');
    const [sms] = await smsOf(t.id);
    expect(sms!.text).toBe(
      `Your complaint ${t.number} has been closed. How satisfied are you with how it was handled? ` +
        'Reply with one digit: 1 very unsatisfied, 2 unsatisfied, 3 neutral, 4 satisfied, 5 very satisfied.',
    );
  });

  it('matches a bare digit reply by the number it was sent to, and only from the customer’s phone', async () => {
    const t = await closedTicket();
    const { reply_code } = await k().selectFrom('surveys').select('reply_code').where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
    const replyCode = reply_code!;
    expect(await ctx.app.surveys.answerByReply({ replyCode, phone: '13912345678', score: 5 })).toBe('no_survey');
    expect(await ctx.app.surveys.answerByReply({ replyCode: '999999', phone: '13800138000', score: 5 })).toBe('no_survey');
    expect(await ctx.app.surveys.answerByReply({ replyCode, phone: '13800138000', score: 5 })).toBe('recorded');
    expect(await ctx.app.surveys.answerByReply({ replyCode, phone: '13800138000', score: 1 })).toBe('already_answered');
    expect(await surveyOf(t.id)).toMatchObject({ status: 'answered', score: 5, answeredVia: 'sms' });
    const events = (await agent.get(`/api/v1/tickets/${t.id}/events`)).json() as { items: TicketEvent[] };
    expect(events.items.at(-1)).toMatchObject({ action: 'survey', data: { score: 5, via: 'sms', unsatisfied: false } });
    // a satisfied customer gives nobody a revisit
    const mine = (await agent.get('/api/v1/revisits')).json() as { items: Revisit[] };
    expect(mine.items.map((r) => r.ticket.id)).not.toContain(t.id);
  });

  it('expires unanswered after the configured days', async () => {
    const t = await closedTicket();
    ctx.clock.advance({ days: 8 });
    try {
      expect(await ctx.app.surveys.answer({ ticketId: t.id, score: 4, via: 'web' })).toBe('expired');
      // (sessions time out over 8 days, so the row is read directly)
      const row = await k().selectFrom('surveys').select('status').where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('expired');
      expect(await ctx.app.surveys.answer({ ticketId: 999999, score: 4, via: 'web' })).toBe('no_survey');
    } finally {
      ctx.clock.advance({ days: -8 });
    }
  });

  it('goes to the self-service page, without an SMS, when SMS surveys are off', async () => {
    const put = await admin.request('PUT', '/api/v1/surveys/settings', { unsatisfiedAtMost: 2, expiresAfterDays: 7, viaSms: false });
    expect(put.statusCode).toBe(200);
    try {
      const t = await closedTicket();
      expect(await surveyOf(t.id)).toMatchObject({ channel: 'web', status: 'pending' });
      expect(await smsOf(t.id)).toHaveLength(0);
      expect(await ctx.app.surveys.answer({ ticketId: t.id, score: 4, comment: '不错', via: 'web' })).toBe('recorded');
      expect(await surveyOf(t.id)).toMatchObject({ score: 4, comment: '不错', answeredVia: 'web' });
    } finally {
      await admin.request('PUT', '/api/v1/surveys/settings', { unsatisfiedAtMost: 2, expiresAfterDays: 7, viaSms: true });
    }
    expect(
      (await agent.request('PUT', '/api/v1/surveys/settings', { unsatisfiedAtMost: 2, expiresAfterDays: 7, viaSms: true })).statusCode,
    ).toBe(403);
  });
});

describe('an unsatisfied answer', () => {
  it('opens a revisit for the owner, who calls back and reopens the complaint through the workflow', async () => {
    const t = await closedTicket();
    const recorded = await agent.post(`/api/v1/tickets/${t.id}/survey`, { score: 2, comment: '问题没有真正解决' });
    expect(recorded.statusCode).toBe(200);
    expect((recorded.json() as RecordSurveyResult).result).toBe('recorded');
    expect((recorded.json() as RecordSurveyResult).survey).toMatchObject({ score: 2, answeredVia: 'agent' });

    const open = (await agent.get('/api/v1/revisits?status=open')).json() as { items: Revisit[] };
    const revisit = open.items.find((r) => r.ticket.id === t.id)!;
    expect(revisit).toMatchObject({ score: 2, comment: '问题没有真正解决', status: 'open', owner: { name: '张敏' } });
    // the desk sees everyone's; an agent may not ask for that
    expect((await desk.get('/api/v1/revisits?scope=all')).json().items.map((r: Revisit) => r.id)).toContain(revisit.id);
    expect((await agent.get('/api/v1/revisits?scope=all')).statusCode).toBe(403);
    expect((await network.get('/api/v1/revisits')).statusCode).toBe(403);

    const done = await agent.post(`/api/v1/revisits/${revisit.id}/complete`, {
      outcome: 'still_unsatisfied',
      note: '客户仍有异议，重新处理',
      reopen: true,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'still_unsatisfied', reopened: true, ticket: { status: 'accepted' } });
    const ticket = (await agent.get(`/api/v1/tickets/${t.id}`)).json() as TicketView;
    expect(ticket.status).toBe('accepted');
    const events = (await agent.get(`/api/v1/tickets/${t.id}/events`)).json() as { items: TicketEvent[] };
    expect(events.items.map((e) => e.action)).toEqual(['accept', 'resolve', 'survey', 'reopen', 'revisit']);

    const again = await agent.post(`/api/v1/revisits/${revisit.id}/complete`, { outcome: 'resolved', note: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('revisit.done');

    // closed again after the reopen: the one survey stays, no second SMS
    await agent.post(`/api/v1/tickets/${t.id}/resolve`, { resolution: '已退费并解释' });
    expect((await agent.get(`/api/v1/tickets/${t.id}`)).json().status).toBe('closed');
    expect(await smsOf(t.id)).toHaveLength(1);
    expect(await surveyOf(t.id)).toMatchObject({ status: 'answered', score: 2 });
  });

  it('may be completed without reopening; someone else’s revisit is refused', async () => {
    const t = await closedTicket();
    expect(await ctx.app.surveys.answer({ ticketId: t.id, score: 1, via: 'ivr' })).toBe('recorded');
    const revisit = ((await agent.get('/api/v1/revisits')).json() as { items: Revisit[] }).items.find((r) => r.ticket.id === t.id)!;
    const specialist = await ctx.login('specialist');
    const refused = await specialist.post(`/api/v1/revisits/${revisit.id}/complete`, { outcome: 'resolved', note: '已沟通' });
    expect(refused.statusCode).toBe(403);
    const done = await agent.post(`/api/v1/revisits/${revisit.id}/complete`, { outcome: 'resolved', note: '已沟通，客户表示理解' });
    expect(done.json()).toMatchObject({ status: 'done', reopened: false, ticket: { status: 'closed' } });
  });

  it('refuses a score outside 1–5 naming the field', async () => {
    const t = await closedTicket();
    const res = await agent.post(`/api/v1/tickets/${t.id}/survey`, { score: 6 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('body.score');
  });
});
