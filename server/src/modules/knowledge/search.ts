import type { Db } from '../../db/dialect.js';
import { createPostgresSearch } from './search-postgres.js';
import { createSqliteSearch } from './search-sqlite.js';

// One search interface over both databases: SQLite FTS5 with the trigram tokenizer, PostgreSQL pg_trgm (a GIN
// trigram index under ILIKE). Both find any substring of 3+ characters, Chinese included; shorter terms are a scan.

export interface SearchHitRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  categoryCode: string | null;
  publishedAt: string | null;
  /** higher is better; comparable only within one answer */
  score: number;
}

export interface KnowledgeSearch {
  /** published entries containing every term, best first */
  search(terms: string[], opts: { kind?: string; limit: number }): Promise<SearchHitRow[]>;
  /** published cases containing any of the (indexable) terms, those sharing most and rarest first */
  similar(terms: string[], opts: { limit: number }): Promise<SearchHitRow[]>;
}

export const createKnowledgeSearch = (db: Db): KnowledgeSearch =>
  db.dialect === 'postgres' ? createPostgresSearch(db) : createSqliteSearch(db);
