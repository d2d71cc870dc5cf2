import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { escapeLike } from '../../db/dialect.js';
import { createKnowledgeSearch, type KnowledgeSearch } from './search.js';

// The search stays fast as the library grows: 20,000 published entries, a product named in 12 of them. The indexed
// search is timed against a plain substring scan of the same table in the same run (the figure in PERFORMANCE.md).
const ENTRIES = 20_000;
const RARE = '星辰宽带融合套餐';

let ctx: TestContext;
let search: KnowledgeSearch;

function* texts() {
  // a fixed sequence (no Math.random): the same library on every run and both databases
  const words = [
    '流量',
    '套餐',
    '信号',
    '宽带',
    '扣费',
    '退订',
    '漫游',
    '话费',
    '小区',
    '基站',
    '营业厅',
    '积分',
    '短信',
    '彩铃',
    'roaming',
    'data',
  ];
  let seed = 7;
  // the high bits: an LCG's low bits repeat with a short period
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) >>> 16;
  for (let i = 0; i < ENTRIES; i++) {
    const body = Array.from({ length: 60 }, () => words[next() % words.length]).join('');
    yield { title: `案例${i}：${words[next() % words.length]}问题`, body: i % 1_667 === 0 ? `${body}${RARE}${body}` : body };
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  const k = ctx.database.db.kysely;
  const author = (await k.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
  const now = new Date().toISOString();
  const rows = [...texts()].map((t) => ({
    kind: 'article',
    status: 'published',
    title: t.title,
    body: t.body,
    category_code: null,
    source_ticket_id: null,
    author_id: author,
    reviewer_id: null,
    review_note: null,
    published_at: now,
    created_at: now,
    updated_at: now,
  }));
  await k.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('knowledge_entries')
        .values(rows.slice(i, i + 500))
        .execute();
  });
  if (ctx.database.db.dialect === 'postgres') await sql`analyze knowledge_entries`.execute(k);
  search = createKnowledgeSearch(ctx.database.db);
}, 120_000);
afterAll(() => ctx.close());

async function medianMs(run: () => Promise<unknown>, times = 15) {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    await run();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

describe(`searching ${ENTRIES.toLocaleString('en')} entries`, () => {
  it('finds the 12 entries naming a product, faster than scanning the table for it', async () => {
    expect(await search.search([RARE], { limit: 50 })).toHaveLength(12);
    const k = ctx.database.db.kysely;
    const op = ctx.database.db.dialect === 'postgres' ? sql`ilike` : sql`like`;
    const pattern = `%${escapeLike(RARE)}%`;
    const scan = () =>
      sql`select id from knowledge_entries where status = 'published' and (title ${op} ${pattern} or body ${op} ${pattern}) limit 50`.execute(
        k,
      );
    expect((await scan()).rows).toHaveLength(12);

    const indexed = await medianMs(() => search.search([RARE], { limit: 20 }));
    const scanned = await medianMs(scan);
    const short = await medianMs(() => search.search(['彩铃'], { limit: 20 }));
    expect(await search.search(['流量套餐'], { limit: 20 })).toHaveLength(20);
    const common = await medianMs(() => search.search(['流量套餐'], { limit: 20 }), 5);
    console.log(
      `[knowledge search, ${ctx.database.db.dialect}, ${ENTRIES} entries] indexed ${indexed.toFixed(2)} ms, substring scan ${scanned.toFixed(2)} ms (×${(scanned / indexed).toFixed(1)}), 2-character query ${short.toFixed(2)} ms, a term in most entries ${common.toFixed(2)} ms`,
    );
    expect(indexed).toBeLessThan(scanned);
  }, 60_000);
});
