import type { Selectable, Transaction, Updateable } from 'kysely';
import { toIso, toIsoOrNull, type Db } from '../../db/dialect.js';
import { updateVersioned } from '../../db/versioned.js';
import type { Database } from '../../db/schema.js';
import type { KnowledgeEntryTable, ReplyTemplateTable } from './tables.js';

type Conn = Db['kysely'] | Transaction<Database>;

export interface EntryRow {
  id: number;
  kind: string;
  status: string;
  title: string;
  body: string;
  categoryCode: string | null;
  sourceTicketId: number | null;
  sourceTicketNumber: string | null;
  author: { id: number; displayName: string };
  reviewer: { id: number; displayName: string } | null;
  reviewNote: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function createKnowledgeRepository(db: Db) {
  const k = db.kysely;

  const entryQuery = (c: Conn) =>
    c
      .selectFrom('knowledge_entries as e')
      .innerJoin('users as a', 'a.id', 'e.author_id')
      .leftJoin('users as r', 'r.id', 'e.reviewer_id')
      .leftJoin('tickets as t', 't.id', 'e.source_ticket_id')
      .select([
        'e.id',
        'e.kind',
        'e.status',
        'e.title',
        'e.body',
        'e.category_code',
        'e.source_ticket_id',
        't.number as ticket_number',
        'e.author_id',
        'a.display_name as author_name',
        'e.reviewer_id',
        'r.display_name as reviewer_name',
        'e.review_note',
        'e.published_at',
        'e.created_at',
        'e.updated_at',
        'e.version',
      ]);
  type Raw = Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirstOrThrow']>>;
  const toEntry = (r: Raw): EntryRow => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    body: r.body,
    categoryCode: r.category_code,
    sourceTicketId: r.source_ticket_id,
    sourceTicketNumber: r.ticket_number ?? null,
    author: { id: r.author_id, displayName: r.author_name },
    reviewer: r.reviewer_id !== null ? { id: r.reviewer_id, displayName: r.reviewer_name ?? '' } : null,
    reviewNote: r.review_note,
    publishedAt: toIsoOrNull(r.published_at),
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    version: r.version,
  });

  return {
    // templates
    listTemplates: (f: { categoryCodes?: (string | null)[]; situation?: string; activeOnly: boolean }) => {
      let q = k.selectFrom('reply_templates').selectAll();
      if (f.activeOnly) q = q.where('is_active', '=', 1);
      if (f.situation) q = q.where('situation', '=', f.situation);
      if (f.categoryCodes) {
        const codes = f.categoryCodes.filter((c): c is string => c !== null);
        q = q.where((eb) => eb.or([eb('category_code', 'is', null), ...(codes.length ? [eb('category_code', 'in', codes)] : [])]));
      }
      return q.orderBy('situation').orderBy('id').execute();
    },
    findTemplate: (id: number) => k.selectFrom('reply_templates').selectAll().where('id', '=', id).executeTakeFirst(),
    insertTemplate: async (row: Omit<Selectable<ReplyTemplateTable>, 'id' | 'version'>) =>
      (await k.insertInto('reply_templates').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updateTemplate: async (id: number, version: number, patch: Updateable<ReplyTemplateTable>) =>
      updateVersioned(k, 'reply_templates', id, version, patch),
    deleteTemplate: async (id: number) =>
      Number((await k.deleteFrom('reply_templates').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1,

    // categories: a code and its ancestors, nearest first
    categoryChain: async (code: string): Promise<{ code: string; nameZh: string; nameEn: string }[]> => {
      const chain = [];
      let next: string | null = code;
      for (let i = 0; next && i < 6; i++) {
        const c = await k
          .selectFrom('categories')
          .select(['code', 'parent_code', 'name_zh', 'name_en'])
          .where('code', '=', next)
          .executeTakeFirst();
        if (!c) break;
        chain.push({ code: c.code, nameZh: c.name_zh, nameEn: c.name_en });
        next = c.parent_code;
      }
      return chain;
    },
    categoryExists: async (code: string) => !!(await k.selectFrom('categories').select('code').where('code', '=', code).executeTakeFirst()),

    // what a template or a case draws from a ticket
    ticketFacts: (id: number) =>
      k
        .selectFrom('tickets as t')
        .innerJoin('customers as c', 'c.id', 't.customer_id')
        .select([
          't.id',
          't.number',
          't.status',
          't.category_code',
          't.description',
          't.resolution',
          't.answer',
          't.answer_due_at',
          't.sla_reply_due_at',
          't.location_address',
          't.location_compound',
          'c.name as customer_name',
          'c.phone as customer_phone',
        ])
        .where('t.id', '=', id)
        .executeTakeFirst(),
    caseOfTicket: (ticketId: number) =>
      k
        .selectFrom('knowledge_entries')
        .select(['id', 'status'])
        .where('source_ticket_id', '=', ticketId)
        .where('status', 'in', ['proposed', 'published'])
        .executeTakeFirst(),

    // entries
    findEntry: async (id: number) => {
      const r = await entryQuery(k).where('e.id', '=', id).executeTakeFirst();
      return r && toEntry(r);
    },
    listEntries: async (f: { kind?: string; status?: string; limit: number }) => {
      let q = entryQuery(k);
      if (f.kind) q = q.where('e.kind', '=', f.kind);
      if (f.status) q = q.where('e.status', '=', f.status);
      return (await q.orderBy('e.updated_at', 'desc').orderBy('e.id', 'desc').limit(f.limit).execute()).map(toEntry);
    },
    insertEntry: async (row: Omit<Selectable<KnowledgeEntryTable>, 'id' | 'version'>) =>
      (await k.insertInto('knowledge_entries').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updateEntry: async (id: number, version: number, patch: Updateable<KnowledgeEntryTable>) =>
      updateVersioned(k, 'knowledge_entries', id, version, patch),
  };
}
export type KnowledgeRepository = ReturnType<typeof createKnowledgeRepository>;
