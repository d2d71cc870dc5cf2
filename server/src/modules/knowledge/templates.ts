import type { CreateTemplateBody, ReplyTemplate, TemplateQuery, UpdateTemplateBody } from '../../../../contracts/knowledge.js';
import type { Clock } from '../../clock.js';
import { conflict, notFound, unprocessable } from '../../errors.js';
import type { Actor } from '../auth/index.js';
import type { KnowledgeRepository } from './repository.js';
import { renderTemplate, type TemplateValues } from './template-render.js';

type Row = Awaited<ReturnType<KnowledgeRepository['listTemplates']>>[number];
export type SeeTicket = (actor: Actor, ticketId: number) => Promise<void>;

// Reply templates: the matching ones first (the exact category, then its parents, then general ones), filled from
// the ticket at hand when the form names it.
export function createTemplateService({
  repo,
  clock,
  timeZone,
  seeTicket,
}: {
  repo: KnowledgeRepository;
  clock: Clock;
  timeZone: string;
  seeTicket: SeeTicket;
}) {
  const localTime = (iso: string | Date | null) =>
    iso === null
      ? null
      : new Intl.DateTimeFormat('sv-SE', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(iso));

  const toView = (r: Row, match: ReplyTemplate['match']): ReplyTemplate => ({
    id: r.id,
    categoryCode: r.category_code,
    situation: r.situation as ReplyTemplate['situation'],
    name: r.name,
    body: r.body,
    isActive: r.is_active === 1,
    match,
    version: r.version,
  });

  async function valuesOf(actor: Actor, ticketId: number): Promise<{ values: TemplateValues; categoryCode: string }> {
    await seeTicket(actor, ticketId);
    const t = (await repo.ticketFacts(ticketId))!;
    const chain = await repo.categoryChain(t.category_code);
    return {
      categoryCode: t.category_code,
      values: {
        customerName: t.customer_name,
        ticketNumber: t.number,
        dueAt: localTime(t.answer_due_at ?? t.sla_reply_due_at),
        result: t.resolution,
        category: chain[0]?.nameZh ?? null,
        today: localTime(clock.now())!.slice(0, 10),
      },
    };
  }

  async function checkCategory(code: string | null | undefined) {
    if (code && !(await repo.categoryExists(code)))
      throw unprocessable('category.not_found', `No category ${code}`, { field: 'body.categoryCode' });
  }

  return {
    async list(actor: Actor, q: TemplateQuery): Promise<ReplyTemplate[]> {
      const filled = q.ticketId ? await valuesOf(actor, Number(q.ticketId)) : undefined;
      const code = q.categoryCode ?? filled?.categoryCode;
      if (q.all === 'true' && !code)
        return (await repo.listTemplates({ situation: q.situation, activeOnly: false })).map((r) => toView(r, null));
      const chain = code ? (await repo.categoryChain(code)).map((c) => c.code) : [];
      const rows = await repo.listTemplates({ categoryCodes: chain, situation: q.situation, activeOnly: q.all !== 'true' });
      const rank = (r: Row) => (r.category_code === null ? chain.length : chain.indexOf(r.category_code));
      return rows
        .map((r) => ({ r, rank: rank(r) }))
        .sort((a, b) => a.rank - b.rank || a.r.id - b.r.id)
        .map(({ r, rank }) => ({
          ...toView(r, r.category_code === null ? 'general' : rank === 0 ? 'exact' : 'parent'),
          ...(filled ? { rendered: renderTemplate(r.body, filled.values) } : {}),
        }));
    },

    async create(body: CreateTemplateBody): Promise<ReplyTemplate> {
      await checkCategory(body.categoryCode);
      const now = clock.now().toISOString();
      const id = await repo.insertTemplate({
        category_code: body.categoryCode ?? null,
        situation: body.situation,
        name: body.name,
        body: body.body,
        is_active: body.isActive === false ? 0 : 1,
        created_at: now,
        updated_at: now,
      });
      return toView((await repo.findTemplate(id))!, null);
    },

    async update(id: number, body: UpdateTemplateBody): Promise<ReplyTemplate> {
      if (!(await repo.findTemplate(id))) throw notFound('template.not_found', `No template ${id}`);
      await checkCategory(body.categoryCode);
      const ok = await repo.updateTemplate(id, body.version, {
        ...(body.categoryCode !== undefined ? { category_code: body.categoryCode } : {}),
        ...(body.situation !== undefined ? { situation: body.situation } : {}),
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.body !== undefined ? { body: body.body } : {}),
        ...(body.isActive !== undefined ? { is_active: body.isActive ? 1 : 0 } : {}),
        updated_at: clock.now().toISOString(),
      });
      if (!ok) throw conflict('conflict.version', 'The template was changed by someone else; reload it');
      return toView((await repo.findTemplate(id))!, null);
    },

    async remove(id: number): Promise<void> {
      if (!(await repo.deleteTemplate(id))) throw notFound('template.not_found', `No template ${id}`);
    },
  };
}
export type TemplateService = ReturnType<typeof createTemplateService>;
