import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../../../contracts/org.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let admin: Client;
let agent: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  [admin, agent] = await Promise.all([ctx.login('admin'), ctx.login('agent')]);
});
afterAll(() => ctx.close());

describe('the category tree', () => {
  it('has the nine first levels of DOMAIN.md §4, each with sub-categories, a regulator class and a unit', async () => {
    const items = (await agent.get('/api/v1/categories')).json().items as Category[];
    const first = items.filter((c) => c.level === 1);
    expect(first.map((c) => c.nameZh)).toEqual([
      '基础通信',
      '服务质量',
      '通信费用',
      '市场营销',
      '集团业务',
      '梦网业务',
      '业务支撑',
      '数据业务',
      '其它',
    ]);
    for (const c of first) expect(items.some((s) => s.parentCode === c.code)).toBe(true);
    expect(items.find((c) => c.code === '0101')).toMatchObject({
      nameEn: 'No signal',
      regulatorClass: 'network_quality',
      unit: { code: 'NET-MAINT' },
    });
    expect(items.find((c) => c.code === '0601')).toMatchObject({ regulatorClass: 'charges_dispute', unit: { code: 'VAS' } });
  });

  it('adds a sub-category whose code extends its parent and which inherits the parent’s class and route', async () => {
    const res = await admin.post('/api/v1/categories', { code: '0106', nameZh: '5G信号弱', nameEn: 'Weak 5G signal' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ parentCode: '01', level: 2, regulatorClass: 'network_quality', unit: { code: 'NET-MAINT' } });
    expect((await admin.post('/api/v1/categories', { code: '1101', nameZh: 'x', nameEn: 'x' })).json().error.code).toBe(
      'category.not_found',
    );
    expect((await admin.post('/api/v1/categories', { code: '12', nameZh: 'x', nameEn: 'x' })).json().error.details.field).toBe(
      'body.regulatorClass',
    );
    expect((await admin.post('/api/v1/categories', { code: '123', nameZh: 'x', nameEn: 'x' })).json().error.details.field).toBe(
      'body.code',
    );
  });

  it('refuses to delete a category that tickets use', async () => {
    await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0102' }));
    expect((await admin.delete('/api/v1/categories/0102')).json().error.code).toBe('category.in_use');
    expect((await admin.delete('/api/v1/categories/01')).json().error.code).toBe('category.has_children');
  });
});

describe('routing', () => {
  it('sends a dispatched complaint where the admin routes its category, most specific rule first', async () => {
    expect((await admin.post('/api/v1/routing', { categoryCode: '0103', unitCode: 'NET-OPT' })).statusCode).toBe(201);
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0103' }))).json();
    const dispatched = (await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {})).json();
    expect(dispatched.handlingUnit.code).toBe('NET-OPT');

    const route = (await admin.get('/api/v1/routing')).json().items.find((r: { categoryCode: string }) => r.categoryCode === '0103');
    expect(
      (await admin.patch('/api/v1/routing/0103', { unitCode: 'NET-ENG' }, { 'if-match': `"${route.version}"` })).json().unit.code,
    ).toBe('NET-ENG');
    expect((await admin.delete('/api/v1/routing/0103')).statusCode).toBe(204);
    expect((await agent.get('/api/v1/categories/0103')).json().unit.code).toBe('NET-MAINT');
  });

  it('asks the dispatcher to choose when nothing is routed', async () => {
    await admin.delete('/api/v1/routing/09');
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0901' }))).json();
    const res = await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'routing.no_unit', details: { field: 'body.unitCode' } });
    expect((await agent.post(`/api/v1/tickets/${t.id}/dispatch`, { unitCode: 'CSC-DESK' })).json().status).toBe('dispatched');
  });

  it('will not route to an inactive unit', async () => {
    await admin.patch('/api/v1/units/CHANNEL', { isActive: false });
    expect((await admin.post('/api/v1/routing', { categoryCode: '0401', unitCode: 'CHANNEL' })).json().error.code).toBe('unit.inactive');
  });
});
