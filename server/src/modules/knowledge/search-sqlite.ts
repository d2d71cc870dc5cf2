import { sql, type RawBuilder } from 'kysely';
import { escapeLike, toIsoOrNull, type Db } from '../../db/dialect.js';
import type { KnowledgeSearch, SearchHitRow } from './search.js';
import { ftsPhrase, isIndexable } from './search-terms.js';

interface Raw {
  id: number;
  kind: string;
  title: string;
  body: string;
  category_code: string | null;
  published_at: string | null;
  score: number;
}
const toHit = (r: Raw): SearchHitRow => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  categoryCode: r.category_code,
  publishedAt: toIsoOrNull(r.published_at),
  score: Number(r.score),
});

// FTS5 (external content over knowledge_entries, kept by triggers) with the trigram tokenizer; bm25 ranks, a title
// match weighing five times a body match.
export function createSqliteSearch(db: Db): KnowledgeSearch {
  const k = db.kysely;
  const like = (term: string) =>
    sql`(e.title like ${`%${escapeLike(term)}%`} escape '\\' or e.body like ${`%${escapeLike(term)}%`} escape '\\')`;
  const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`1 = 1`);

  return {
    async search(terms, { kind, limit }) {
      const indexed = terms.filter(isIndexable);
      const short = terms.filter((t) => !isIndexable(t));
      const filters = [sql`e.status = 'published'`, ...(kind ? [sql`e.kind = ${kind}`] : []), ...short.map(like)];
      const rows = indexed.length
        ? await sql<Raw>`select e.id, e.kind, e.title, e.body, e.category_code, e.published_at, -bm25(knowledge_fts, 5.0, 1.0) as score
            from knowledge_fts join knowledge_entries e on e.id = knowledge_fts.rowid
            where knowledge_fts match ${indexed.map(ftsPhrase).join(' AND ')} and ${and(filters)}
            order by score desc, e.id desc limit ${limit}`.execute(k)
        : await sql<Raw>`select e.id, e.kind, e.title, e.body, e.category_code, e.published_at,
              (case when ${and(short.map((t) => sql`e.title like ${`%${escapeLike(t)}%`} escape '\\'`))} then 1 else 0 end) as score
            from knowledge_entries e where ${and(filters)}
            order by score desc, e.published_at desc, e.id desc limit ${limit}`.execute(k);
      return rows.rows.map(toHit);
    },

    async similar(terms, { limit }) {
      const indexed = terms.filter(isIndexable);
      if (indexed.length === 0) return [];
      const rows =
        await sql<Raw>`select e.id, e.kind, e.title, e.body, e.category_code, e.published_at, -bm25(knowledge_fts, 2.0, 1.0) as score
          from knowledge_fts join knowledge_entries e on e.id = knowledge_fts.rowid
          where knowledge_fts match ${indexed.map(ftsPhrase).join(' OR ')} and e.status = 'published' and e.kind = 'case'
          order by score desc, e.id desc limit ${limit}`.execute(k);
      return rows.rows.map(toHit);
    },
  };
}
