import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPage, TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let desk: Client;
let network: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  [agent, desk, network] = await Promise.all([ctx.login('agent'), ctx.login('desk'), ctx.login('network')]);
  // 7 complaints by the agent (3 dispatched to the network centre, 1 solved now), 2 by the desk
  for (let i = 0; i < 7; i++) {
    const t = (
      await agent.post(
        '/api/v1/tickets',
        makeTicketBody({ description: `无信号 第${i}号`, ...(i === 6 ? { resolveNow: { resolution: '重启手机后恢复' } } : {}) }),
      )
    ).json() as TicketView;
    if (i < 3) await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {});
    ctx.clock.advance({ minutes: 1 });
  }
  for (let i = 0; i < 2; i++)
    await desk.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0301', customerPhone: '13600001111', description: '话费争议' }));
});
afterAll(() => ctx.close());

const page = async (who: Client, query: string) => (await who.get(`/api/v1/tickets?${query}`)).json() as TicketPage;

describe('queues', () => {
  it('shows my tickets newest first with counts per status for the tabs', async () => {
    const mine = await page(agent, 'owner=me');
    expect(mine.items).toHaveLength(7);
    expect(mine.items[0]!.description).toBe('无信号 第6号');
    expect(mine.counts).toMatchObject({ accepted: 3, dispatched: 3, closed: 1, processing: 0 });
    const accepted = await page(agent, 'owner=me&status=accepted');
    expect(accepted.items.map((t) => t.status)).toEqual(['accepted', 'accepted', 'accepted']);
    // the tabs keep counting every status while one is selected
    expect(accepted.counts.dispatched).toBe(3);
  });

  it('pages through a long queue with a cursor, without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const p: TicketPage = await page(desk, `limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...p.items.map((t) => t.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('shows a department its unit’s queue', async () => {
    const unit = await page(network, 'unit=mine');
    expect(unit.items).toHaveLength(3);
    expect(unit.counts.dispatched).toBe(3);
    expect((await page(network, '')).items).toHaveLength(3);
  });

  it('finds tickets by number, by text and by the caller’s number', async () => {
    const any = (await page(desk, 'limit=1')).items[0]!;
    expect((await page(desk, `q=${any.number}`)).items.map((t) => t.id)).toEqual([any.id]);
    expect((await page(desk, `q=${encodeURIComponent('第3号')}`)).items).toHaveLength(1);
    expect((await page(desk, 'q=100%25')).items).toHaveLength(0);
    expect((await page(desk, 'phone=13600001111')).items).toHaveLength(2);
    expect((await page(desk, 'phone=13600009999')).items).toHaveLength(0);
    expect((await page(desk, 'categoryCode=03')).items).toHaveLength(2);
  });
});
