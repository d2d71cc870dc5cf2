import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let ip = 0;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login('agent');
});
afterAll(() => ctx.close());

// each test signs in from its own address, so the per-address limits of one test do not reach the next
const nextIp = () => `10.0.0.${++ip}`;

async function lastCode(phone: string): Promise<string> {
  const sms = await ctx.database.db.kysely
    .selectFrom('sms_outbox')
    .select('text')
    .where('phone', '=', phone)
    .where('purpose', '=', 'otp')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /([0-9]{6})/.exec(sms.text)![1]!;
}

interface Customer {
  cookies: Record<string, string>;
  request(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

async function signIn(phone: string): Promise<Customer> {
  const remoteAddress = nextIp();
  expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/my/otp', payload: { phone }, remoteAddress })).statusCode).toBe(202);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/my/session',
    payload: { phone, code: await lastCode(phone) },
    remoteAddress,
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'closeloop_customer')!;
  const csrf = res.json().csrfToken as string;
  return {
    cookies: { closeloop_customer: cookie.value },
    request: (method, url, body) =>
      ctx.app.inject({
        method,
        url,
        cookies: { closeloop_customer: cookie.value },
        headers: { 'x-csrf-token': csrf },
        remoteAddress,
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]).toString('base64');

describe('signing in with a one-time code', () => {
  it('answers the same for a number with complaints and one without, and stores the code only hashed', async () => {
    const a = await ctx.app.inject({ method: 'POST', url: '/api/v1/my/otp', payload: { phone: '13800138000' }, remoteAddress: nextIp() });
    const b = await ctx.app.inject({ method: 'POST', url: '/api/v1/my/otp', payload: { phone: '15000000001' }, remoteAddress: nextIp() });
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.body).toBe(b.body);
    const code = await lastCode('15000000001');
    const row = await ctx.database.db.kysely
      .selectFrom('customer_otps')
      .selectAll()
      .where('phone', '=', '15000000001')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it('allows one code a minute per number', async () => {
    const remoteAddress = nextIp();
    const send = () => ctx.app.inject({ method: 'POST', url: '/api/v1/my/otp', payload: { phone: '15000000002' }, remoteAddress });
    expect((await send()).statusCode).toBe(202);
    expect((await send()).statusCode).toBe(429);
    ctx.clock.advance({ seconds: 61 });
    expect((await send()).statusCode).toBe(202);
  });

  it('locks the code after five wrong tries, even against the right one', async () => {
    const phone = '15000000003';
    const remoteAddress = nextIp();
    await ctx.app.inject({ method: 'POST', url: '/api/v1/my/otp', payload: { phone }, remoteAddress });
    const code = await lastCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const attempt = (c: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/my/session', payload: { phone, code: c }, remoteAddress });
    for (let i = 0; i < 4; i++) expect((await attempt(wrong)).json().error.code).toBe('auth.invalid_code');
    expect((await attempt(wrong)).statusCode).toBe(429);
    expect((await attempt(code)).statusCode).toBe(429);
  });

  it('refuses a code older than five minutes', async () => {
    const phone = '15000000004';
    const remoteAddress = nextIp();
    await ctx.app.inject({ method: 'POST', url: '/api/v1/my/otp', payload: { phone }, remoteAddress });
    ctx.clock.advance({ minutes: 5, seconds: 1 });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/my/session',
      payload: { phone, code: await lastCode(phone) },
      remoteAddress,
    });
    expect(res.statusCode).toBe(401);
  });

  it('limits the codes one address may ask for', async () => {
    const remoteAddress = nextIp();
    const codes = [];
    for (let i = 0; i < 21; i++)
      codes.push(
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/v1/my/otp',
            payload: { phone: `1520000${String(i).padStart(4, '0')}` },
            remoteAddress,
          })
        ).statusCode,
      );
    expect(codes.slice(0, 20).every((c) => c === 202)).toBe(true);
    expect(codes[20]).toBe(429);
  });
});

describe('my complaints', () => {
  it('shows only my own, in plain words, with the timeline meant for me and never an internal note', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13811110001', categoryCode: '0101' }))).json();
    await agent.post(`/api/v1/tickets/${t.id}/note`, { note: '客户情绪激动，内部备注' });
    await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {});
    await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13811110002' }));
    const me = await signIn('13811110001');
    const list = (await me.request('GET', '/api/v1/my/tickets')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      number: t.number,
      status: 'dispatched',
      statusText: { zh: '已转交处理部门' },
      handlingUnit: { name: '网络维护中心' },
      answerDueAt: expect.any(String),
    });
    expect(list.items[0].timeline.map((e: { kind: string }) => e.kind)).toEqual(['accept', 'dispatch']);
    expect(JSON.stringify(list)).not.toContain('内部备注');
  });

  it('files a complaint that the desk then finds unowned in its queue', async () => {
    const me = await signIn('13811110003');
    const res = await me.request('POST', '/api/v1/my/tickets', {
      description: '5G信号时有时无',
      location: { city: '江门', compound: '丰乐花园' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'accepted', handlingUnit: { nameEn: 'Complaint Desk' } });
    const desk = await ctx.login('desk');
    expect((await desk.get(`/api/v1/tickets/${res.json().number}`)).json()).toMatchObject({ channel: 'web', owner: null });
    expect((await me.request('GET', '/api/v1/my/tickets')).json().items[0].number).toBe(res.json().number);
  });

  it('adds text and images checked by their bytes, and shows them back to me', async () => {
    const me = await signIn('13811110004');
    const { number } = (await me.request('POST', '/api/v1/my/tickets', { description: '宽带断线' })).json();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const refused = await me.request('POST', `/api/v1/my/tickets/${number}/info`, { text: '截图', images: [svg] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'attachment.invalid', details: { field: 'body.images.0' } });
    const tooBig = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    const big = await me.request('POST', `/api/v1/my/tickets/${number}/info`, { images: [tooBig] });
    expect(big.json().error).toMatchObject({ code: 'validation.out_of_range', details: { field: 'body.images.0' } });
    const added = await me.request('POST', `/api/v1/my/tickets/${number}/info`, { text: '路由器灯一直红', images: [PNG] });
    expect(added.statusCode).toBe(201);
    const ticket = (await me.request('GET', '/api/v1/my/tickets')).json().items[0];
    const entry = ticket.timeline.at(-1);
    expect(entry).toMatchObject({ kind: 'customer_info', detail: '路由器灯一直红', images: [expect.any(Number)] });
    const image = await me.request('GET', `/api/v1/my/tickets/${number}/images/${entry.images[0]}`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.toString('base64')).toBe(PNG);
    // the desk sees the same image in the staff timeline; a department the ticket never reached does not
    const desk = await ctx.login('desk');
    const staffEvent = (await desk.get(`/api/v1/tickets/${number}/events`)).json().items.at(-1);
    expect(staffEvent).toMatchObject({ action: 'customer_info', note: '路由器灯一直红', data: { images: entry.images } });
    const seen = await desk.get(`/api/v1/tickets/${number}/images/${entry.images[0]}`);
    expect([seen.statusCode, seen.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await (await ctx.login('network')).get(`/api/v1/tickets/${number}/images/${entry.images[0]}`)).statusCode).toBe(404);
  });

  it('answers 404 for another customer’s ticket, never 403', async () => {
    const other = (
      await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13811110005', resolveNow: { resolution: '已解释' } }))
    ).json();
    const me = await signIn('13811110006');
    for (const [url, body] of [
      [`/api/v1/my/tickets/${other.number}/info`, { text: '看看' }],
      [`/api/v1/my/tickets/${other.number}/rating`, { score: 1 }],
    ] as const) {
      const res = await me.request('POST', url, body);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('ticket.not_found');
    }
    expect((await me.request('GET', `/api/v1/my/tickets/${other.number}/images/1`)).statusCode).toBe(404);
  });

  it('rates a closed complaint once, as a survey answered on the web', async () => {
    const t = (
      await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13811110007', resolveNow: { resolution: '已退费' } }))
    ).json();
    const open = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13811110007' }))).json();
    const me = await signIn('13811110007');
    expect((await me.request('POST', `/api/v1/my/tickets/${open.number}/rating`, { score: 5 })).statusCode).toBe(409);
    expect(
      (await me.request('GET', '/api/v1/my/tickets')).json().items.find((i: { number: string }) => i.number === t.number).mayRate,
    ).toBe(true);
    expect((await me.request('POST', `/api/v1/my/tickets/${t.number}/rating`, { score: 4, comment: '处理很快' })).statusCode).toBe(204);
    const again = await me.request('POST', `/api/v1/my/tickets/${t.number}/rating`, { score: 1 });
    expect(again.json().error.code).toBe('survey.already_answered');
    const survey = await ctx.database.db.kysely.selectFrom('surveys').selectAll().where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
    expect(survey).toMatchObject({ status: 'answered', score: 4, comment: '处理很快', answered_via: 'web' });
    const mine = (await me.request('GET', '/api/v1/my/tickets')).json().items.find((i: { number: string }) => i.number === t.number);
    expect(mine).toMatchObject({ mayRate: false, rating: { score: 4, comment: '处理很快' } });
  });

  it('refuses a write without the customer’s CSRF token, and forgets the session on sign-out', async () => {
    const me = await signIn('13811110008');
    const session = await me.request('GET', '/api/v1/my/session');
    expect(session.json()).toMatchObject({ phone: '13811110008' });
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/my/tickets',
      payload: { description: 'x' },
      cookies: me.cookies,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await me.request('DELETE', '/api/v1/my/session')).statusCode).toBe(204);
    expect((await me.request('GET', '/api/v1/my/tickets')).statusCode).toBe(401);
  });
});
