import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseUrl, type TestDatabase } from '../../../test/database.js';
import { createGroupCommit } from './group-commit.js';

// The same promises on both databases; on SQLite concurrent callers share one COMMIT (group commit).
describe('db.transaction', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  const setting = (key: string, value: string) => ({ key, value, updated_at: '2026-11-23T00:00:00.000Z' });
  const stored = async (prefix: string) =>
    (await t.db.kysely.selectFrom('system_settings').select('key').where('key', 'like', `${prefix}%`).orderBy('key').execute()).map(
      (r) => r.key,
    );

  it('commits every concurrent caller and answers each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction(async (trx) => {
          await trx
            .insertInto('system_settings')
            .values(setting(`many.${String(i).padStart(2, '0')}`, String(i)))
            .execute();
          return i * 2;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(await stored('many.')).toHaveLength(40);
  });

  it.runIf(!testDatabaseUrl)('on SQLite, lets callers waiting at one moment share one COMMIT', async () => {
    const transaction = createGroupCommit(t.db.kysely);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transaction((trx) =>
          trx
            .insertInto('system_settings')
            .values(setting(`shared.${String(i).padStart(2, '0')}`, 'x'))
            .execute(),
        ),
      ),
    );
    expect(transaction.counts).toEqual({ commits: 1, callers: 20 });
    expect(await stored('shared.')).toHaveLength(20);
  });

  it('rolls back only the caller that failed, with its own error, and keeps the others', async () => {
    await t.db.transaction((trx) => trx.insertInto('system_settings').values(setting('mixed.taken', 'before')).execute());
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((name) =>
        t.db.transaction(async (trx) => {
          await trx
            .insertInto('system_settings')
            .values(setting(`mixed.${name}`, name))
            .execute();
          if (name === 'b') throw new Error('b refused');
          // a unique violation part-way through: its first insert must go too
          if (name === 'c') await trx.insertInto('system_settings').values(setting('mixed.taken', 'again')).execute();
          return name;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('b refused'));
    expect(await stored('mixed.')).toEqual(['mixed.a', 'mixed.d', 'mixed.taken']);
  });

  it('lets a later caller see what an earlier one committed, and never what one rolled back', async () => {
    await Promise.allSettled([
      t.db.transaction((trx) => trx.insertInto('system_settings').values(setting('seen.kept', '1')).execute()),
      t.db.transaction(async (trx) => {
        await trx.insertInto('system_settings').values(setting('seen.dropped', '1')).execute();
        throw new Error('no');
      }),
    ]);
    const seen = await t.db.transaction((trx) => trx.selectFrom('system_settings').select('key').where('key', 'like', 'seen.%').execute());
    expect(seen.map((r) => r.key)).toEqual(['seen.kept']);
  });
});
