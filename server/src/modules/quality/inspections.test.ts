import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection, InspectionForm, SampleList, Scores } from '../../../../contracts/quality.js';
import type { TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let specialist: Client;
let qa: Client;
let qa2: Client;
let admin: Client;
let manager: Client;
const tickets: TicketView[] = [];
let form: InspectionForm;

const closed = async (who: Client, i: number) => {
  const res = await who.post(
    '/api/v1/tickets',
    makeTicketBody({
      customerPhone: `1370000${String(i).padStart(4, '0')}`,
      description: `第${i}单`,
      resolveNow: { resolution: '已现场解决' },
    }),
  );
  expect(res.statusCode).toBe(201);
  return res.json() as TicketView;
};
const fullMarks = (f: InspectionForm, override: Record<string, number> = {}) =>
  f.items.map((i) => ({ key: i.key, score: override[i.key] ?? 100 }));

beforeAll(async () => {
  ctx = await createTestContext();
  [agent, specialist, qa, admin, manager] = await Promise.all(['agent', 'specialist', 'qa', 'admin', 'manager'].map((u) => ctx.login(u)));
  const created = await admin.post('/api/v1/users', {
    username: 'qa2',
    displayName: '孙悦',
    role: 'qa',
    unitCode: 'QA',
    password: 'demo12345',
  });
  expect(created.statusCode).toBe(201);
  qa2 = await ctx.login('qa2', 'demo12345');
  for (let i = 0; i < 10; i++) tickets.push(await closed(i % 2 ? specialist : agent, i));
  // one repeat complaint, one unsatisfied customer
  await ctx.database.db.kysely.updateTable('tickets').set({ is_repeat: 1 }).where('id', '=', tickets[2]!.id).execute();
  expect(await ctx.app.surveys.answer({ ticketId: tickets[4]!.id, score: 1, via: 'sms' })).toBe('recorded');
  form = ((await qa.get('/api/v1/inspection-forms')).json() as { items: InspectionForm[] }).items[0]!;
});
afterAll(() => ctx.close());

describe('sampling for inspection', () => {
  it('draws the same sample from the same seed, stores it, and takes every repeat and unsatisfied ticket', async () => {
    const rules = (share: boolean) => ({
      sharePercent: 20,
      repeatComplaints: share ? false : true,
      unsatisfiedSurveys: share ? false : true,
    });
    expect((await admin.request('PUT', '/api/v1/inspection-rules', rules(true))).statusCode).toBe(200);
    // 20% of each agent's five tickets: one each
    const shareOnly = (await qa.post('/api/v1/inspection-samples', { week: '2026-W48', seed: 'wk48', dryRun: true })).json() as SampleList;
    expect(shareOnly.items.map((s) => s.agent?.name).sort()).toEqual(['张敏', '赵婷']);
    expect(shareOnly.items.every((s) => s.reason === 'share')).toBe(true);

    expect((await admin.request('PUT', '/api/v1/inspection-rules', rules(false))).statusCode).toBe(200);
    const preview = (await qa.post('/api/v1/inspection-samples', { week: '2026-W48', seed: 'wk48', dryRun: true })).json() as SampleList;
    const again = (await qa.post('/api/v1/inspection-samples', { week: '2026-W48', seed: 'wk48', dryRun: true })).json() as SampleList;
    expect(again.items).toEqual(preview.items);
    expect(preview.items.find((s) => s.ticket.id === tickets[2]!.id)?.reason).toBe('repeat');
    expect(preview.items.find((s) => s.ticket.id === tickets[4]!.id)?.reason).toBe('unsatisfied');
    const ids = preview.items.map((s) => s.ticket.id);
    expect(shareOnly.items.every((s) => ids.includes(s.ticket.id))).toBe(true);
    expect(preview.items.length).toBeLessThanOrEqual(4);

    const stored = (await qa.post('/api/v1/inspection-samples', { week: '2026-W48', seed: 'wk48' })).json() as SampleList;
    expect(stored.items.map((s) => [s.ticket.id, s.reason])).toEqual(preview.items.map((s) => [s.ticket.id, s.reason]));
    expect(stored.items.every((s) => s.id !== null)).toBe(true);
    const other = await qa.post('/api/v1/inspection-samples', { week: '2026-W48', seed: 'another' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('inspection.already_sampled');
    expect((await qa.get('/api/v1/inspection-samples?week=2026-W48')).json()).toMatchObject({ seed: 'wk48', items: stored.items });
    // nothing closed in another week
    expect((await qa.post('/api/v1/inspection-samples', { week: '2026-W40', seed: 'x', dryRun: true })).json().items).toEqual([]);
    expect((await agent.post('/api/v1/inspection-samples', { week: '2026-W48', seed: 'x' })).statusCode).toBe(403);
  });
});

describe('inspection, appeal and decision', () => {
  let inspection: Inspection;

  it('scores a closed ticket against the weighted form; the agent sees the result, others do not', async () => {
    const t = tickets[0]!;
    const res = await qa.post('/api/v1/inspections', {
      ticketId: t.id,
      formId: form.id,
      items: fullMarks(form, { accuracy: 60, timeliness: 80 }),
      comment: '业务解答不够准确',
    });
    expect(res.statusCode).toBe(201);
    inspection = res.json() as Inspection;
    // (15·100 + 25·60 + 25·100 + 20·80 + 15·100) / 100
    expect(inspection).toMatchObject({
      score: 86,
      finalScore: 86,
      status: 'scored',
      agent: { name: '张敏' },
      inspector: { name: '周静' },
      month: '2026-11',
    });
    expect(inspection.items.find((i) => i.key === 'accuracy')).toMatchObject({ score: 60, weight: 25, labelZh: '业务解答准确' });

    const dup = await qa2.post('/api/v1/inspections', { ticketId: t.id, formId: form.id, items: fullMarks(form) });
    expect(dup.json().error.code).toBe('inspection.already_inspected');
    const missing = await qa.post('/api/v1/inspections', { ticketId: tickets[2]!.id, formId: form.id, items: fullMarks(form).slice(1) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.field).toBe('body.items');
    expect((await agent.post('/api/v1/inspections', { ticketId: t.id, formId: form.id, items: fullMarks(form) })).statusCode).toBe(403);

    const mine = (await agent.get('/api/v1/inspections')).json() as { items: Inspection[] };
    expect(mine.items.map((i) => i.id)).toEqual([inspection.id]);
    expect(((await specialist.get('/api/v1/inspections')).json() as { items: Inspection[] }).items).toEqual([]);
    expect((await specialist.get(`/api/v1/inspections/${inspection.id}`)).statusCode).toBe(404);
    expect((await specialist.get('/api/v1/inspections?scope=all')).statusCode).toBe(403);
  });

  it('takes one appeal from the inspected agent, decided by a second inspector', async () => {
    expect((await specialist.post(`/api/v1/inspections/${inspection.id}/appeal`, { reason: '不是我的' })).json().error.code).toBe(
      'inspection.not_yours',
    );
    const appealed = await agent.post(`/api/v1/inspections/${inspection.id}/appeal`, { reason: '解答符合当时的资费政策' });
    expect(appealed.json()).toMatchObject({ status: 'appealed', appealReason: '解答符合当时的资费政策' });
    expect((await agent.post(`/api/v1/inspections/${inspection.id}/appeal`, { reason: '再次' })).json().error.code).toBe(
      'inspection.appeal_used',
    );

    const same = await qa.post(`/api/v1/inspections/${inspection.id}/decision`, { decision: 'upheld', note: '维持' });
    expect(same.json().error.code).toBe('inspection.same_inspector');
    const noItems = await qa2.post(`/api/v1/inspections/${inspection.id}/decision`, { decision: 'revised', note: '改判' });
    expect(noItems.statusCode).toBe(400);
    const decided = await qa2.post(`/api/v1/inspections/${inspection.id}/decision`, {
      decision: 'revised',
      note: '政策依据成立，改判',
      items: fullMarks(form, { timeliness: 80 }),
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', decision: 'revised', score: 86, finalScore: 96, decider: { name: '孙悦' } });
    expect((await agent.post(`/api/v1/inspections/${inspection.id}/appeal`, { reason: '再次' })).statusCode).toBe(409);
    expect((await qa2.post(`/api/v1/inspections/${inspection.id}/decision`, { decision: 'upheld', note: 'x' })).json().error.code).toBe(
      'inspection.not_appealed',
    );
  });

  it('reports scores per agent and unit for the month, after appeals', async () => {
    await qa.post('/api/v1/inspections', { ticketId: tickets[1]!.id, formId: form.id, items: fullMarks(form, { courtesy: 50 }) });
    await qa.post('/api/v1/inspections', { ticketId: tickets[3]!.id, formId: form.id, items: fullMarks(form, { courtesy: 0 }) });
    const byAgent = (await manager.get('/api/v1/inspections/scores?month=2026-11&by=agent')).json() as Scores;
    expect(byAgent.rows).toEqual([
      expect.objectContaining({ name: '张敏', inspections: 1, average: 96 }),
      expect.objectContaining({ name: '赵婷', inspections: 2, average: 88.75 }),
    ]);
    const byUnit = (await manager.get('/api/v1/inspections/scores?month=2026-11&by=unit')).json() as Scores;
    expect(byUnit.rows.map((r) => [r.nameEn, r.inspections])).toEqual([
      ['Hotline Room', 1],
      ['Data Services Specialist Seats', 2],
    ]);
    expect((await manager.get('/api/v1/inspections/scores?month=2026-10&by=unit')).json().rows).toEqual([]);
    expect((await agent.get('/api/v1/inspections/scores?month=2026-11&by=agent')).statusCode).toBe(403);
  });

  it('lets the administrator edit forms, and refuses an inspection against an inactive form', async () => {
    const created = await admin.post('/api/v1/inspection-forms', {
      name: '简易表',
      items: [
        { key: 'a', labelZh: '甲', labelEn: 'A', weight: 1 },
        { key: 'a', labelZh: '乙', labelEn: 'B', weight: 1 },
      ],
    });
    expect(created.statusCode).toBe(400);
    const ok = (
      await admin.post('/api/v1/inspection-forms', { name: '简易表', items: [{ key: 'a', labelZh: '甲', labelEn: 'A', weight: 1 }] })
    ).json();
    const off = await admin.patch(`/api/v1/inspection-forms/${ok.id}`, { isActive: false });
    expect(off.json()).toMatchObject({ isActive: false, version: 2 });
    const refused = await qa.post('/api/v1/inspections', { ticketId: tickets[5]!.id, formId: ok.id, items: [{ key: 'a', score: 90 }] });
    expect(refused.json().error.code).toBe('inspection_form.not_found');
    expect(
      (await qa.post('/api/v1/inspection-forms', { name: 'x', items: [{ key: 'a', labelZh: '甲', labelEn: 'A', weight: 1 }] })).statusCode,
    ).toBe(403);
  });
});
