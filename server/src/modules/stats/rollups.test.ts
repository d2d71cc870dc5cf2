import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { demoCustomers } from '../../demo/customers.js';
import { MEASURES, type Entries } from './contribution.js';
import { byMonth, recount, storedMonthlyRollups, storedRollups } from './recount.js';
import { createStatsRepository } from './repository.js';

// The rollups are updated piecemeal by every move, sweep, contact and survey answer; after any sequence of them they
// must equal a full recount from the tickets as they are. A seeded random walk through the closed loop checks it.

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const asObject = (e: Entries) => Object.fromEntries([...e.entries()].sort(([a], [b]) => a.localeCompare(b)));

// who works orders in each unit the demo routes to; NET-OPT has nobody, so the desk moves orders on from there
const UNIT_USER: Record<string, string> = { 'NET-MAINT': 'network', IT: 'it', VAS: 'vas', 'MKT-SUPPORT': 'marketing' };
const CATEGORIES = ['0101', '0102', '0103', '0201', '0301', '0302', '0401', '0601', '0603', '0701', '0801'];
const CHANNELS = ['hotline', 'hotline', 'hall', 'sms', 'ivr', 'web', 'regulator'] as const;

describe('rollups equal a full recount', () => {
  let ctx: TestContext;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  // sessions lapse while the clock runs on: sign in again when refused
  async function call(username: string, method: 'GET' | 'POST', url: string, body?: object) {
    for (let attempt = 0; attempt < 2; attempt++) {
      let c = clients.get(username);
      if (!c) clients.set(username, (c = await ctx.login(username)));
      const r = method === 'GET' ? await c.get(url) : await c.post(url, body ?? {});
      if (r.statusCode !== 401) return r;
      clients.delete(username);
    }
    throw new Error(`${username} cannot sign in`);
  }

  it('after a random sequence of intakes, moves, sweeps, contacts and surveys', { timeout: 120_000 }, async () => {
    const rnd = mulberry32(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const customers = demoCustomers(40);
    const k = ctx.database.db.kysely;
    const repo = createStatsRepository(ctx.database.db);
    // an order still unreplied at the problem limit goes on to network optimisation: the sweep moves it
    const rule = await call('admin', 'POST', '/api/v1/escalation-rules', {
      name: 'problem signal orders to optimisation',
      onState: 'problem',
      categoryCode: '01',
      raisePriority: true,
      reassignUnitCode: 'NET-OPT',
    });
    expect(rule.statusCode, rule.body).toBe(201);

    const ids: number[] = [];
    let moves = 0;
    const check = async () => {
      await ctx.app.stats.catchUp();
      const fresh = await recount(repo, k, ctx.config.timeZone);
      expect(asObject(await storedRollups(k))).toEqual(asObject(fresh));
      expect(asObject(await storedMonthlyRollups(k))).toEqual(asObject(byMonth(fresh)));
    };

    for (let step = 0; step < 400; step++) {
      const r = rnd();
      if (r < 0.22 || ids.length < 5) {
        const channel = pick(CHANNELS);
        const customer = pick(customers);
        const res = await call(pick(['agent', 'specialist']), 'POST', '/api/v1/tickets', {
          // each in a compound of its own, so the incident detector groups none of them
          ...makeTicketBody({
            customerPhone: customer.phone,
            categoryCode: pick(CATEGORIES),
            channel,
            location: { city: '江门', compound: `小区${step}` },
          }),
          ...(channel === 'regulator' ? { regulator: { reference: `GX${step}`, overLevel: rnd() < 0.8 } } : {}),
          ...(rnd() < 0.25 ? { resolveNow: { resolution: '当场解释清楚' } } : {}),
        });
        expect(res.statusCode, res.body).toBe(201);
        ids.push((res.json() as TicketView).id);
      } else if (r < 0.32) {
        ctx.clock.advance({ hours: 1 + Math.floor(rnd() * 12) });
        await ctx.app.sla.sweep();
      } else if (r < 0.36) {
        // a caller asks how a complaint is going: on IVR or SMS (self-service) or by calling an agent again
        const id = rnd() < 0.85 ? pick(ids) : null;
        await k
          .insertInto('customer_contacts')
          .values({
            customer_id: null,
            phone: pick(customers).phone,
            channel: pick(['ivr', 'sms', 'web', 'hotline']),
            kind: rnd() < 0.6 ? 'self_service_query' : 'repeat_call',
            ticket_id: id,
            at: ctx.clock.now().toISOString(),
          })
          .execute();
        if (rnd() < 0.3) await ctx.app.stats.catchUp();
      } else if (r < 0.4) {
        // surveys sent on close are answered (or lapse) later
        const pending = await k.selectFrom('surveys').select(['id']).where('status', '=', 'pending').execute();
        if (pending.length > 0) {
          const s = pick(pending);
          const answered = rnd() < 0.8;
          await k
            .updateTable('surveys')
            .set(
              answered
                ? { status: 'answered', score: 1 + Math.floor(rnd() * 5), answered_via: 'sms', answered_at: ctx.clock.now().toISOString() }
                : { status: 'expired' },
            )
            .where('id', '=', s.id)
            .execute();
        }
      } else {
        const id = pick(ids);
        const t = (await call('desk', 'GET', `/api/v1/tickets/${id}`)).json() as TicketView;
        const unitUser = t.handlingUnit ? UNIT_USER[t.handlingUnit.code] : undefined;
        const options: [string, string, object][] = [];
        switch (t.status) {
          case 'accepted':
            options.push(
              ['desk', 'dispatch', {}],
              ['desk', 'dispatch', {}],
              ['desk', 'dispatch', {}],
              ['desk', 'resolve', { resolution: '解释后客户认可' }],
              ['desk', 'suspend', { reason: '等客户提供截图' }],
            );
            break;
          case 'returned':
            options.push(['desk', 'dispatch', {}]);
            break;
          case 'dispatched':
          case 'processing':
            if (unitUser && t.status === 'dispatched') options.push([unitUser, 'take', {}]);
            if (unitUser && t.status === 'processing') options.push([unitUser, 'reply', { result: '已处理', solved: rnd() < 0.85 }]);
            if (unitUser) options.push([unitUser, 'return', { reason: '非本部门处理范围' }]);
            options.push([
              'desk',
              'transfer',
              { unitCode: pick(Object.keys(UNIT_USER).filter((u) => u !== t.handlingUnit?.code)), reason: '转派' },
            ]);
            options.push(['desk', 'escalate', { reason: '客户催办' }]);
            break;
          case 'replied':
            options.push(['desk', 'answer', { answer: '已答复客户' }], ['desk', 'suspend', { reason: '联系不上客户' }]);
            break;
          case 'answered':
            options.push(['desk', 'close', {}], ['desk', 'close', {}], ['desk', 'reopen', { reason: '客户不满意' }]);
            break;
          case 'closed':
            if (rnd() < 0.3) options.push(['desk', 'reopen', { reason: '同一问题再次出现' }]);
            break;
          case 'suspended':
            options.push(['desk', 'resume', {}]);
            break;
        }
        if (options.length === 0) continue;
        const [user, action, body] = pick(options);
        const res = await call(user, 'POST', `/api/v1/tickets/${id}/${action}`, body);
        // other modules may refuse a move their own rules forbid; nothing is then stored, so nothing is counted
        expect([200, 409, 422], `${action} on ${t.status}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 200) moves++;
      }
      if (step % 130 === 129) await check();
    }
    expect(moves).toBeGreaterThan(80);
    await check();
    // the walk reached every kind of figure, so the comparison above covered them all
    const totals = [...(await storedRollups(k)).entries()]
      .filter(([key]) => key.startsWith('all\t'))
      .reduce((sum, [, v]) => sum.map((n, i) => n + v[i]!), new Array<number>(MEASURES.length).fill(0));
    const total = (m: (typeof MEASURES)[number]) => totals[MEASURES.indexOf(m)]!;
    for (const m of [
      'intercepted',
      'over_level',
      'overdue',
      'problem',
      'closed',
      'resolved',
      'answered',
      'surveys',
      'repeat_calls',
      'self_service_queries',
    ] as const)
      expect(total(m), `${m} ${JSON.stringify(Object.fromEntries(MEASURES.map((x) => [x, total(x)])))}`).toBeGreaterThan(0);

    // a rebuild from scratch (how a bulk load gets its rollups) writes exactly what the live updates did
    const live = asObject(await storedRollups(k));
    const liveMonthly = asObject(await storedMonthlyRollups(k));
    await ctx.app.stats.rebuild();
    expect(asObject(await storedRollups(k))).toEqual(live);
    expect(asObject(await storedMonthlyRollups(k))).toEqual(liveMonthly);
  });
});
