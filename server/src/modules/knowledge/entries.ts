import type {
  CreateArticleBody,
  KnowledgeEntry,
  KnowledgeHit,
  KnowledgeListQuery,
  KnowledgeSearchQuery,
  ProposeCaseBody,
  ReviewCaseBody,
  UpdateArticleBody,
} from '../../../../contracts/knowledge.js';
import type { Clock } from '../../clock.js';
import { conflict, notFound, unprocessable } from '../../errors.js';
import type { Actor } from '../auth/index.js';
import type { EntryRow, KnowledgeRepository } from './repository.js';
import { scrubPersonalData } from './scrub.js';
import type { KnowledgeSearch, SearchHitRow } from './search.js';
import { describingTerms, searchTerms, snippetOf } from './search-terms.js';
import type { SeeTicket } from './templates.js';

const CASE_SOURCE_STATUSES = ['replied', 'answered', 'closed'];

// Cases (proposed from a resolved ticket, scrubbed, reviewed by the desk) and articles (business operations), and the
// one search over both.
export function createKnowledgeService(deps: { repo: KnowledgeRepository; search: KnowledgeSearch; clock: Clock; seeTicket: SeeTicket }) {
  const { repo, search, clock, seeTicket } = deps;

  const view = (e: EntryRow): KnowledgeEntry => ({
    id: e.id,
    kind: e.kind as KnowledgeEntry['kind'],
    status: e.status as KnowledgeEntry['status'],
    title: e.title,
    body: e.body,
    categoryCode: e.categoryCode,
    sourceTicketNumber: e.sourceTicketNumber,
    author: e.author,
    reviewer: e.reviewer,
    reviewNote: e.reviewNote,
    publishedAt: e.publishedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  });
  const hit =
    (terms: string[]) =>
    (h: SearchHitRow): KnowledgeHit => ({
      id: h.id,
      kind: h.kind as KnowledgeHit['kind'],
      title: h.title,
      snippet: snippetOf(h.body, terms),
      categoryCode: h.categoryCode,
      publishedAt: h.publishedAt,
    });

  async function entry(id: number, kind?: string) {
    const e = await repo.findEntry(id);
    if (!e || (kind && e.kind !== kind)) throw notFound('knowledge.not_found', `No ${kind ?? 'entry'} ${id}`);
    return e;
  }
  async function checkCategory(code: string | null | undefined) {
    if (code && !(await repo.categoryExists(code)))
      throw unprocessable('category.not_found', `No category ${code}`, { field: 'body.categoryCode' });
  }
  const versionLost = () => conflict('conflict.version', 'Changed by someone else; reload it');

  return {
    get: async (id: number) => view(await entry(id)),
    list: async (q: KnowledgeListQuery) =>
      (await repo.listEntries({ kind: q.kind, status: q.status, limit: q.limit ? Number(q.limit) : 100 })).map(view),

    async proposeCase(actor: Actor, body: ProposeCaseBody): Promise<KnowledgeEntry> {
      await seeTicket(actor, body.ticketId);
      const t = (await repo.ticketFacts(body.ticketId))!;
      if (!CASE_SOURCE_STATUSES.includes(t.status) || !t.resolution)
        throw unprocessable('knowledge.ticket_not_resolved', 'Only a ticket with a result can become a case', { field: 'body.ticketId' });
      const existing = await repo.caseOfTicket(t.id);
      if (existing) throw conflict('knowledge.invalid_state', `Ticket ${t.number} is already case ${existing.id}`, { caseId: existing.id });
      const [category] = await repo.categoryChain(t.category_code);
      const known = { names: [t.customer_name], addresses: [t.location_address] };
      const title = body.title ?? `${category?.nameZh ?? t.category_code}：${t.description.slice(0, 40)}`;
      const text =
        body.body ??
        [`【问题】${t.description}`, `【处理结果】${t.resolution}`, ...(t.answer ? [`【答复客户】${t.answer}`] : [])].join('\n');
      const now = clock.now().toISOString();
      const id = await repo.insertEntry({
        kind: 'case',
        status: 'proposed',
        title: scrubPersonalData(title, known).slice(0, 200),
        body: scrubPersonalData(text.replaceAll(t.customer_phone, '[电话]'), known),
        category_code: t.category_code,
        source_ticket_id: t.id,
        author_id: actor.id,
        reviewer_id: null,
        review_note: null,
        published_at: null,
        created_at: now,
        updated_at: now,
      });
      return view(await entry(id));
    },

    async reviewCase(actor: Actor, id: number, body: ReviewCaseBody): Promise<KnowledgeEntry> {
      const e = await entry(id, 'case');
      if (e.status !== 'proposed') throw conflict('knowledge.invalid_state', `Case ${id} is ${e.status}, not waiting for review`);
      const now = clock.now().toISOString();
      const publish = body.decision === 'publish';
      const ok = await repo.updateEntry(id, body.version, {
        status: publish ? 'published' : 'rejected',
        ...(body.title ? { title: scrubPersonalData(body.title) } : {}),
        ...(body.body ? { body: scrubPersonalData(body.body) } : {}),
        reviewer_id: actor.id,
        review_note: body.note ?? null,
        published_at: publish ? now : null,
        updated_at: now,
      });
      if (!ok) throw versionLost();
      return view(await entry(id));
    },

    async createArticle(actor: Actor, body: CreateArticleBody): Promise<KnowledgeEntry> {
      await checkCategory(body.categoryCode);
      const now = clock.now().toISOString();
      const id = await repo.insertEntry({
        kind: 'article',
        status: body.publish ? 'published' : 'draft',
        title: body.title,
        body: body.body,
        category_code: body.categoryCode ?? null,
        source_ticket_id: null,
        author_id: actor.id,
        reviewer_id: null,
        review_note: null,
        published_at: body.publish ? now : null,
        created_at: now,
        updated_at: now,
      });
      return view(await entry(id));
    },

    async updateArticle(id: number, body: UpdateArticleBody): Promise<KnowledgeEntry> {
      const e = await entry(id, 'article');
      await checkCategory(body.categoryCode);
      const now = clock.now().toISOString();
      const ok = await repo.updateEntry(id, body.version, {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.body !== undefined ? { body: body.body } : {}),
        ...(body.categoryCode !== undefined ? { category_code: body.categoryCode } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.status === 'published' && e.status !== 'published' ? { published_at: now } : {}),
        updated_at: now,
      });
      if (!ok) throw versionLost();
      return view(await entry(id));
    },

    async search(q: KnowledgeSearchQuery): Promise<KnowledgeHit[]> {
      const terms = searchTerms(q.q);
      if (terms.length === 0) return [];
      return (await search.search(terms, { kind: q.kind, limit: q.limit ? Number(q.limit) : 20 })).map(hit(terms));
    },

    /** published cases like the ticket at hand: sharing its description's terms, its own category first, then its first level */
    async similarCases(actor: Actor, ticketId: number, limit = 5): Promise<KnowledgeHit[]> {
      await seeTicket(actor, ticketId);
      const t = (await repo.ticketFacts(ticketId))!;
      const chain = (await repo.categoryChain(t.category_code)).map((c) => c.code);
      const terms = describingTerms(t.description);
      const found = await search.similar(terms, { limit: limit * 4 });
      const closeness = (h: SearchHitRow) =>
        h.categoryCode === null ? chain.length : chain.includes(h.categoryCode) ? chain.indexOf(h.categoryCode) : chain.length + 1;
      const own = await repo.caseOfTicket(t.id);
      return found
        .filter((h) => h.id !== own?.id)
        .sort((a, b) => closeness(a) - closeness(b) || b.score - a.score)
        .slice(0, limit)
        .map(hit(terms));
    },
  };
}
export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
