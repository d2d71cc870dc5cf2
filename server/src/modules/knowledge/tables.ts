import type { Generated } from 'kysely';

// Row shapes of reply templates and the knowledge base (migration 0006); joined into db/schema.ts's Database.
type Instant = string | Date;

export interface ReplyTemplateTable {
  id: Generated<number>;
  category_code: string | null;
  situation: string;
  name: string;
  body: string;
  is_active: Generated<number>;
  version: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface KnowledgeEntryTable {
  id: Generated<number>;
  kind: string;
  status: string;
  title: string;
  body: string;
  category_code: string | null;
  source_ticket_id: number | null;
  author_id: number;
  reviewer_id: number | null;
  review_note: string | null;
  published_at: Instant | null;
  version: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface KnowledgeTables {
  reply_templates: ReplyTemplateTable;
  knowledge_entries: KnowledgeEntryTable;
}
