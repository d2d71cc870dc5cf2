import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Roles, type Role } from '../../../../contracts/roles.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { parseCsv, sheetRows, unzip } from '../../../../test/spreadsheet.js';

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
let agent: Client;
let manager: Client;
let desk: Client;
const tricky = [
  '无信号，打不出电话，"急"',
  '第一行\n第二行',
  '=HYPERLINK("http://evil","点我")',
  '+8613800138000 话费',
  '-1 元扣费',
  '@SUM(A1)',
];

beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login('agent');
  manager = await ctx.login('manager');
  desk = await ctx.login('desk');
  for (const description of tricky) {
    const res = await agent.post('/api/v1/tickets', makeTicketBody({ description, customerPhone: '13912345678' }));
    expect(res.statusCode).toBe(201);
    ctx.clock.advance({ minutes: 1 });
  }
  const other = await agent.post('/api/v1/tickets', makeTicketBody({ description: 'SP 扣费', categoryCode: '0601' }));
  expect(other.statusCode).toBe(201);
});
afterAll(() => ctx.close());

const csvOf = (body: Buffer | string) => {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(text.slice(1));
};

describe('ticket list as CSV', () => {
  it('keeps Chinese, quotes, commas and line breaks intact behind a BOM, and defuses formulas', async () => {
    const res = await manager.get('/api/v1/exports/tickets?format=csv&categoryCode=0101');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tickets-[0-9]{12}\.csv"/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = csvOf(res.rawPayload);
    expect(rows[0]).toEqual([
      '工单号',
      '受理时间',
      '状态',
      '渠道',
      '分类编码',
      '分类',
      '优先级',
      '客户号码',
      '客户级别',
      '处理单位',
      '受理人',
      '时限状态',
      '截止时间',
      '问题描述',
      '处理结果',
      '更新时间',
      '重复投诉',
    ]);
    const data = rows.slice(1);
    expect(data).toHaveLength(tricky.length);
    // newest first, as the queue lists them
    const descriptions = data.map((r) => r[13]);
    expect(descriptions).toEqual([...tricky].reverse().map((d) => (/^[=+\-@]/.test(d) ? `'${d}` : d)));
    expect(data[0]![2]).toBe('已受理');
    expect(data[0]![3]).toBe('热线');
    // repeat complaints marked as the queue marks them
    const listed = (await manager.get('/api/v1/tickets?categoryCode=0101&limit=50')).json().items as { isRepeat: boolean }[];
    expect(data.map((r) => r[16])).toEqual(listed.map((t) => (t.isRepeat ? '是' : '否')));
    expect(data.map((r) => r[16])).toContain('是');
    // local time of the centre (Asia/Shanghai): the fake clock starts 02:00Z = 10:00 local
    expect(data[data.length - 1]![1]).toBe('2026-11-23 10:00:00');
    // raw text: a quoted field doubles its quotes
    expect(res.body).toContain('"无信号，打不出电话，""急"""');
    expect(res.body).toContain('"第一行\n第二行"');
  });

  it('masks the number for roles without customer:view_phone, exactly as the queue shows it', async () => {
    const shown = (await manager.get('/api/v1/tickets?categoryCode=0101&limit=1')).json().items[0].customerPhone;
    expect(shown).toBe('139****5678');
    const masked = csvOf((await manager.get('/api/v1/exports/tickets?format=csv&categoryCode=0101')).rawPayload);
    expect(new Set(masked.slice(1).map((r) => r[7]))).toEqual(new Set([shown]));
    const full = csvOf((await desk.get('/api/v1/exports/tickets?format=csv&categoryCode=0101')).rawPayload);
    expect(new Set(full.slice(1).map((r) => r[7]))).toEqual(new Set(['13912345678']));
  });

  it('applies the queue’s filters and speaks English when asked', async () => {
    const rows = csvOf((await manager.get('/api/v1/exports/tickets?format=csv&lang=en&categoryCode=0601')).rawPayload);
    expect(rows[0]![0]).toBe('Ticket');
    expect(rows[0]![13]).toBe('Description');
    expect(rows.slice(1).map((r) => r[13])).toEqual(['SP 扣费']);
    expect(rows[1]![2]).toBe('Accepted');
    const none = csvOf((await manager.get('/api/v1/exports/tickets?format=csv&status=closed')).rawPayload);
    expect(none).toHaveLength(1);
    const searched = csvOf((await manager.get(`/api/v1/exports/tickets?format=csv&q=${encodeURIComponent('第二行')}`)).rawPayload);
    expect(searched.slice(1).map((r) => r[13])).toEqual(['第一行\n第二行']);
  });

  it('follows the queue’s order, soonest deadline first included', async () => {
    for (const sort of ['newest', 'due']) {
      const listed = (await manager.get(`/api/v1/tickets?sort=${sort}&limit=200`)).json().items as { number: string }[];
      const rows = csvOf((await manager.get(`/api/v1/exports/tickets?format=csv&sort=${sort}`)).rawPayload);
      expect(
        rows.slice(1).map((r) => r[0]),
        sort,
      ).toEqual(listed.map((t) => t.number));
      expect(listed.length, sort).toBeGreaterThan(1);
    }
  });

  it('refuses a misspelt filter or a paging parameter by name', async () => {
    const res = await manager.get('/api/v1/exports/tickets?format=csv&limit=10');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.unknown_field', details: { field: 'querystring.limit' } });
    const bad = await manager.get('/api/v1/exports/tickets?format=pdf');
    expect(bad.statusCode).toBe(400);
  });
});

describe('ticket list as XLSX', () => {
  it('is a valid workbook with Chinese text, real dates, masked numbers and formulas kept as text', async () => {
    const res = await manager.get('/api/v1/exports/tickets?format=xlsx&categoryCode=0101');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="工单" sheetId="1" r:id="rId1"/>');
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    const rows = sheetRows(sheet);
    expect(rows[0]![13]).toBe('问题描述');
    expect(rows.slice(1).map((r) => r[13])).toEqual([...tricky].reverse());
    expect(new Set(rows.slice(1).map((r) => r[7]))).toEqual(new Set(['139****5678']));
    // a formula-like text is a string cell with the quote-prefix style, never a formula
    expect(sheet).not.toContain('<f>');
    expect(sheet).toMatch(
      /<c r="N[0-9]+" t="inlineStr" s="5"><is><t xml:space="preserve">=HYPERLINK\(&quot;http:\/\/evil&quot;,&quot;点我&quot;\)<\/t>/,
    );
    // the acceptance time is a date serial in local time: 2026-11-23 10:00 → 46349.41666…
    const oldest = rows[rows.length - 1]![1]!;
    expect(Number(oldest)).toBeCloseTo(46349 + 10 / 24, 6);
  });
});

describe('who may export', () => {
  it('answers each role by its permission', async () => {
    const allowed: Role[] = ['desk', 'qa', 'manager', 'admin'];
    for (const role of Roles) {
      const client = await ctx.login(accountOf[role]);
      const res = await client.get('/api/v1/exports/tickets?format=csv');
      expect(res.statusCode, role).toBe(allowed.includes(role) ? 200 : 403);
    }
  });
});
