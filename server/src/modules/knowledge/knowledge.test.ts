import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client, desk: Client, admin: Client, vas: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [agent, desk, admin, vas] = await Promise.all(['agent', 'desk', 'admin', 'vas'].map((u) => ctx.login(u)));
});
afterAll(() => ctx.close());

/** a ticket answered on the first call, with the result recorded */
async function resolvedTicket(description: string, resolution: string, extra: Record<string, unknown> = {}) {
  const res = await agent.post('/api/v1/tickets', {
    ...makeTicketBody({ categoryCode: '0601', description, ...extra }),
    resolveNow: { resolution },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; number: string; status: string };
}

describe('reply templates', () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    const make = async (key: string, body: Record<string, unknown>) => {
      const res = await admin.post('/api/v1/templates', body);
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    };
    await make('general', {
      situation: 'first_answer',
      name: '通用首答',
      body: '{customerName}您好，您反映的问题已受理，工单号{ticketNumber}。',
    });
    await make('exact', {
      categoryCode: '0601',
      situation: 'final_answer',
      name: 'SP扣费答复',
      body: '{customerName}您好，经核查：{result}。',
    });
    await make('parent', {
      categoryCode: '06',
      situation: 'progress',
      name: '计费进度',
      body: '工单{ticketNumber}正在处理，预计{dueAt}前答复。',
    });
    await make('other', { categoryCode: '01', situation: 'progress', name: '网络进度', body: '网络问题处理中' });
  });

  it('offers the exact category first, then its first level, then general ones, and nothing of other categories', async () => {
    const items = (await agent.get('/api/v1/templates?categoryCode=0601')).json().items as {
      id: number;
      match: string;
      categoryCode: string | null;
    }[];
    // the migration's general templates come last with ours
    expect(items.slice(0, 2).map((t) => t.id)).toEqual([ids.exact, ids.parent]);
    expect(items.map((t) => t.match)).toEqual(['exact', 'parent', ...items.slice(2).map(() => 'general')]);
    expect(items.map((t) => t.id)).toContain(ids.general);
    expect(items.some((t) => t.id === ids.other)).toBe(false);
    const bySituation = (await agent.get('/api/v1/templates?categoryCode=0601&situation=progress')).json().items as {
      id: number;
      match: string;
    }[];
    expect(bySituation[0]!.id).toBe(ids.parent);
    expect(bySituation.slice(1).every((t) => t.match === 'general')).toBe(true);
  });

  it('fills the templates from a ticket, showing what the ticket cannot supply', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0601', description: 'SP扣费' }))).json();
    const items = (await agent.get(`/api/v1/templates?ticketId=${t.id}`)).json().items as {
      id: number;
      rendered: { text: string; missing: string[] };
    }[];
    const general = items.find((i) => i.id === ids.general)!;
    expect(general.rendered).toEqual({ text: `陈伟您好，您反映的问题已受理，工单号${t.number}。`, missing: [] });
    const final = items.find((i) => i.id === ids.exact)!;
    expect(final.rendered).toEqual({ text: '陈伟您好，经核查：【result】。', missing: ['result'] });
  });

  it('lets administrators change and remove templates, and nobody else', async () => {
    const current = (await admin.get('/api/v1/templates?all=true')).json().items.find((t: { id: number }) => t.id === ids.other);
    const res = await admin.patch(`/api/v1/templates/${ids.other}`, { isActive: false, version: current.version });
    expect(res.json().isActive).toBe(false);
    expect((await admin.patch(`/api/v1/templates/${ids.other}`, { name: 'x', version: current.version })).statusCode).toBe(409);
    const network = (await agent.get('/api/v1/templates?categoryCode=0101')).json().items as { id: number; match: string }[];
    expect(network.some((t) => t.id === ids.other)).toBe(false);
    expect(network.every((t) => t.match === 'general')).toBe(true);
    expect((await agent.post('/api/v1/templates', { situation: 'sms', name: 'x', body: 'y' })).statusCode).toBe(403);
    expect(
      (await admin.post('/api/v1/templates', { categoryCode: '9999', situation: 'sms', name: 'x', body: 'y' })).json().error,
    ).toMatchObject({
      code: 'category.not_found',
      details: { field: 'body.categoryCode' },
    });
    expect((await admin.delete(`/api/v1/templates/${ids.other}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/templates/${ids.other}`)).statusCode).toBe(404);
  });
});

describe('the case library', () => {
  it('drafts a case from a resolved ticket with personal data removed; the desk publishes it', async () => {
    const t = await resolvedTicket(
      '陈伟反映阳光花园小区3栋2单元501室家中，13912345678号码的流量包扣费异常，身份证440703198506123456',
      '核实为流量包续订扣费，已退还10元，并告知客户拨打10086退订',
    );
    const res = await agent.post('/api/v1/knowledge/cases', { ticketId: t.id });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ kind: 'case', status: 'proposed', categoryCode: '0601', sourceTicketNumber: t.number });
    expect(c.body).not.toMatch(/陈伟|13912345678|13800138000|440703|501室/);
    expect(c.body).toContain('阳光花园小区[门牌]');
    expect(c.body).toContain('流量包');
    expect(c.body).toContain('10086');

    // not searchable until reviewed
    expect((await agent.get('/api/v1/knowledge/search?q=阳光花园')).json().items).toEqual([]);
    expect((await agent.post(`/api/v1/knowledge/cases/${c.id}/review`, { decision: 'publish', version: c.version })).statusCode).toBe(403);
    const published = await desk.post(`/api/v1/knowledge/cases/${c.id}/review`, {
      decision: 'publish',
      note: '典型案例',
      version: c.version,
    });
    expect(published.json()).toMatchObject({ status: 'published', reviewer: { displayName: expect.any(String) }, reviewNote: '典型案例' });
    expect((await agent.get('/api/v1/knowledge/search?q=阳光花园')).json().items.map((h: { id: number }) => h.id)).toEqual([c.id]);

    expect((await agent.post('/api/v1/knowledge/cases', { ticketId: t.id })).json().error.code).toBe('knowledge.invalid_state');
  });

  it('refuses a ticket without a result', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0601' }))).json();
    const res = await agent.post('/api/v1/knowledge/cases', { ticketId: t.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'knowledge.ticket_not_resolved', details: { field: 'body.ticketId' } });
  });

  it('lets the desk reject a proposal, which then stays out of search', async () => {
    const t = await resolvedTicket('国际漫游包在香港无法使用', '已重新开通漫游包');
    const c = (await agent.post('/api/v1/knowledge/cases', { ticketId: t.id })).json();
    const res = await desk.post(`/api/v1/knowledge/cases/${c.id}/review`, { decision: 'reject', note: '不典型', version: c.version });
    expect(res.json().status).toBe('rejected');
    expect((await agent.get('/api/v1/knowledge/search?q=香港')).json().items).toEqual([]);
  });
});

describe('knowledge search over cases and articles', () => {
  beforeAll(async () => {
    const w = async (title: string, body: string, publish = true) => {
      const res = await vas.post('/api/v1/knowledge/articles', { title, body, categoryCode: '06', publish });
      expect(res.statusCode, res.body).toBe(201);
    };
    await w('流量包使用说明', '省内流量包当月有效，月底清零。Data packs expire at the end of the month; roaming is not included.');
    await w('5G套餐资费', '5G套餐包含100GB国内流量。');
    await w('草稿：未发布的流量包内部资料', '不应被搜索到', false);
  });

  const search = async (q: string) =>
    (await agent.get(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}`)).json().items as {
      kind: string;
      title: string;
      snippet: string;
    }[];

  it('finds a product name in cases and articles, the one naming it in the title first', async () => {
    const hits = await search('流量包');
    expect(hits.map((h) => h.kind).sort()).toEqual(['article', 'case']);
    expect(hits[0]!.title).toBe('流量包使用说明');
    expect(hits.some((h) => h.title.includes('草稿'))).toBe(false);
  });

  it('finds a substring of a compound name, and English words whatever their case', async () => {
    expect((await search('光花园')).map((h) => h.kind)).toEqual(['case']);
    const english = await search('ROAMING');
    expect(english.map((h) => h.title)).toEqual(['流量包使用说明']);
    expect(english[0]!.snippet.toLowerCase()).toContain('roaming');
  });

  it('answers queries shorter than three characters by substring, and several terms together', async () => {
    expect((await search('5G')).map((h) => h.title)).toEqual(['5G套餐资费']);
    expect((await search('清零')).map((h) => h.title)).toEqual(['流量包使用说明']);
    expect((await search('流量包 月底')).map((h) => h.title)).toEqual(['流量包使用说明']);
    expect(await search('不存在的产品')).toEqual([]);
    expect(await search('100%')).toEqual([]);
  });

  it('lets business operations edit and withdraw an article; agents may not write', async () => {
    const article = (await vas.get('/api/v1/knowledge/entries?kind=article&status=published'))
      .json()
      .items.find((a: { title: string }) => a.title === '5G套餐资费');
    const res = await vas.patch(`/api/v1/knowledge/articles/${article.id}`, { status: 'archived', version: article.version });
    expect(res.json().status).toBe('archived');
    expect(await search('5G')).toEqual([]);
    expect((await agent.post('/api/v1/knowledge/articles', { title: 'x', body: 'y' })).statusCode).toBe(403);
  });

  it('suggests published cases similar to the ticket at hand', async () => {
    const t = (
      await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0602', description: '手机流量包扣费了但是没有收到短信' }))
    ).json();
    const hits = (await agent.get(`/api/v1/tickets/${t.id}/similar-cases`)).json().items as { kind: string; title: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === 'case')).toBe(true);
    expect(hits[0]!.title).toContain('流量包');
    const unrelated = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0101', description: '家里没信号' }))).json();
    expect((await agent.get(`/api/v1/tickets/${unrelated.id}/similar-cases`)).json().items).toEqual([]);
  });
});
