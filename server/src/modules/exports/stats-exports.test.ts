import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Roles, type Role } from '../../../../contracts/roles.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { parseCsv, sheetRows, unzip } from '../../../../test/spreadsheet.js';

// Figures tables, drill-down lists and the monthly report through the real figures module, over HTTP.

const accountOf: Record<Role, string> = {
  agent: 'agent',
  desk: 'desk',
  handler: 'network',
  specialist: 'specialist',
  qa: 'qa',
  manager: 'manager',
  admin: 'admin',
};

let ctx: TestContext;
let manager: Client;
const numbers: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const agent = await ctx.login('agent');
  for (const [categoryCode, description] of [
    ['0101', '小区无信号，"急"'],
    ['0101', '=1+1 打不出电话'],
    ['0601', 'SP 扣费，要求退款'],
  ] as const) {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode, description }))).json();
    numbers.push(t.number);
    if (categoryCode === '0101')
      expect((await agent.post(`/api/v1/tickets/${t.id}/dispatch`, { unitCode: 'NET-MAINT' })).statusCode).toBe(200);
  }
  manager = await ctx.login('manager');
});
afterAll(() => ctx.close());

const csv = (body: Buffer) => {
  const text = body.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(text.slice(1));
};

describe('figures exports', () => {
  it('exports the summary table per unit as the summary API answers it', async () => {
    const api = (await manager.get('/api/v1/stats/summary?from=2026-11-01&to=2026-11-30&by=unit')).json();
    const res = await manager.get('/api/v1/exports/stats/summary?from=2026-11-01&to=2026-11-30&by=unit&format=csv');
    expect(res.statusCode).toBe(200);
    const rows = csv(res.rawPayload);
    const volume = rows[0]!.indexOf('投诉量');
    const current = rows.slice(1).filter((r) => r[2] === '本期');
    expect(current.map((r) => [r[1], Number(r[volume])])).toEqual([
      ['all', api.total.current.volume],
      ...api.groups.map((g: { key: string; current: { volume: number } }) => [g.key, g.current.volume]),
    ]);
    expect(current[0]![volume]).toBe('3');
  });

  it('exports the tickets behind a figure, masked for the manager', async () => {
    const res = await manager.get(
      '/api/v1/exports/stats/tickets?figure=dispatched&from=2026-11-01&to=2026-11-30&by=unit&group=NET-MAINT&format=csv',
    );
    expect(res.statusCode).toBe(200);
    const rows = csv(res.rawPayload);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(numbers.slice(0, 2).sort());
    expect(new Set(rows.slice(1).map((r) => r[7]))).toEqual(new Set(['138****8000']));
    expect(
      rows
        .slice(1)
        .map((r) => r[13])
        .sort(),
    ).toEqual(["'=1+1 打不出电话", '小区无信号，"急"']);
    const xlsx = await manager.get('/api/v1/exports/stats/tickets?figure=volume&from=2026-11-01&to=2026-11-30&format=xlsx&lang=en');
    const sheet = sheetRows(unzip(xlsx.rawPayload).get('xl/worksheets/sheet1.xml')!);
    expect(sheet[0]![0]).toBe('Ticket');
    expect(sheet).toHaveLength(4);
  });

  it('reports a bad drill-down as the drill-down API does, before any byte of a file', async () => {
    const res = await manager.get('/api/v1/exports/stats/tickets?figure=volume&from=2026-11-01&to=2026-11-30&group=X&format=csv');
    const api = await manager.get('/api/v1/stats/tickets?figure=volume&from=2026-11-01&to=2026-11-30&group=X');
    expect(res.statusCode).toBe(api.statusCode);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});

describe('the monthly report', () => {
  it('is a workbook of the unit’s month with its categories and late orders', async () => {
    const res = await manager.get('/api/v1/exports/monthly-report?unit=NET-MAINT&month=2026-11');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('report-NET-MAINT-2026-11-');
    const files = unzip(res.rawPayload);
    const figures = sheetRows(files.get('xl/worksheets/sheet2.xml')!);
    expect(figures.find((r) => r[0] === '派发工单')![1]).toBe('2');
    const categories = sheetRows(files.get('xl/worksheets/sheet3.xml')!);
    expect(categories.slice(1).map((r) => [r[0], r[3]])).toEqual([['0101', '2']]);
    // nothing is late yet: the late-order sheet has its header only
    expect(sheetRows(files.get('xl/worksheets/sheet4.xml')!)).toHaveLength(1);
  });

  it('lists an order once it is past its reply limit', async () => {
    ctx.clock.advance({ hours: 24 * 6 });
    await ctx.app.sla.sweep();
    manager = await ctx.login('manager');
    const res = await manager.get('/api/v1/exports/monthly-report?unit=NET-MAINT&month=2026-11');
    const late = sheetRows(unzip(res.rawPayload).get('xl/worksheets/sheet4.xml')!);
    expect(
      late
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(numbers.slice(0, 2).sort());
  });

  it('refuses an unknown unit or month by name', async () => {
    expect((await manager.get('/api/v1/exports/monthly-report?unit=NOPE&month=2026-11')).json().error).toMatchObject({
      code: 'unit.not_found',
      details: { field: 'querystring.unit' },
    });
    expect((await manager.get('/api/v1/exports/monthly-report?unit=NET-MAINT&month=2026-13')).json().error).toMatchObject({
      code: 'validation.invalid_format',
      details: { field: 'querystring.month' },
    });
  });
});

describe('who may download figures', () => {
  it('answers each role by stats:read', async () => {
    const allowed: Role[] = ['desk', 'qa', 'manager', 'admin'];
    for (const role of Roles) {
      const client = await ctx.login(accountOf[role]);
      for (const url of [
        '/api/v1/exports/stats/summary?from=2026-11-01&to=2026-11-30&format=csv',
        '/api/v1/exports/stats/tickets?figure=volume&from=2026-11-01&to=2026-11-30&format=csv',
        '/api/v1/exports/monthly-report?unit=NET-MAINT&month=2026-11',
      ]) {
        expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(allowed.includes(role) ? 200 : 403);
      }
    }
  });
});
