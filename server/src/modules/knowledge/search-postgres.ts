import { sql, type RawBuilder } from 'kysely';
import { escapeLike, toIsoOrNull, type Db } from '../../db/dialect.js';
import type { KnowledgeSearch, SearchHitRow } from './search.js';
import { isIndexable } from './search-terms.js';

interface Raw {
  id: number;
  kind: string;
  title: string;
  body: string;
  category_code: string | null;
  published_at: Date | string | null;
  score: number | string;
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

// pg_trgm lives in the public schema (migration 0006), hence public.* below: the GIN index on title || ' ' || body
// serves ILIKE '%term%' for terms of 3+ characters. A shorter term cannot use trigrams (the index would be read whole),
// so it is matched column by column, which the planner does with a plain scan. Ranking is in two steps so a term found in most entries stays cheap: the best
// CANDIDATES by title match and recency, then word_similarity (the costly part) on those only.
const CANDIDATES = 200;

export function createPostgresSearch(db: Db): KnowledgeSearch {
  const k = db.kysely;
  const doc = sql`(e.title || ' ' || e.body)`;
  const contains = (t: string) =>
    isIndexable(t)
      ? sql`${doc} ilike ${`%${escapeLike(t)}%`}`
      : sql`(e.title ilike ${`%${escapeLike(t)}%`} or e.body ilike ${`%${escapeLike(t)}%`})`;
  const inTitle = (t: string) => sql`strpos(lower(e.title), lower(${t})) > 0`;
  const join = (parts: RawBuilder<unknown>[], sep: RawBuilder<unknown>) => sql.join(parts, sep);

  return {
    async search(terms, { kind, limit }) {
      if (terms.length === 0) return [];
      const q = terms.join(' ');
      const rows = await sql<Raw>`select c.id, c.kind, c.title, c.body, c.category_code, c.published_at,
            c.in_title + public.word_similarity(${q}, c.title || ' ' || c.body) as score
          from (
            select e.id, e.kind, e.title, e.body, e.category_code, e.published_at,
              (case when ${join(terms.map(inTitle), sql` and `)} then 1 else 0 end) as in_title
            from knowledge_entries e
            where e.status = 'published' ${kind ? sql`and e.kind = ${kind}` : sql``} and ${join(terms.map(contains), sql` and `)}
            order by in_title desc, e.published_at desc, e.id desc limit ${CANDIDATES}
          ) c
          order by score desc, c.id desc limit ${limit}`.execute(k);
      return rows.rows.map(toHit);
    },

    async similar(terms, { limit }) {
      const indexed = terms.filter(isIndexable);
      if (indexed.length === 0) return [];
      const rows = await sql<Raw>`select e.id, e.kind, e.title, e.body, e.category_code, e.published_at,
            (${join(
              indexed.map((t) => sql`(case when ${contains(t)} then 1 else 0 end)`),
              sql` + `,
            )}) as score
          from knowledge_entries e
          where e.status = 'published' and e.kind = 'case' and (${join(indexed.map(contains), sql` or `)})
          order by score desc, e.id desc limit ${limit}`.execute(k);
      return rows.rows.map(toHit);
    },
  };
}
