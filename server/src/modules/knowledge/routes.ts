import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParam, Strict } from '../../../../contracts/common.js';
import {
  CreateArticleBody,
  CreateTemplateBody,
  KnowledgeEntry,
  KnowledgeEntryList,
  KnowledgeHitList,
  KnowledgeListQuery,
  KnowledgeSearchQuery,
  ProposeCaseBody,
  ReplyTemplate,
  ReplyTemplateList,
  ReviewCaseBody,
  TemplateQuery,
  UpdateArticleBody,
  UpdateTemplateBody,
} from '../../../../contracts/knowledge.js';
import type { KnowledgeService } from './entries.js';
import type { TemplateService } from './templates.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const params = Type.Object({ id: IdParam }, Strict);

export const knowledgeRoutes: FastifyPluginAsyncTypebox<{ templates: TemplateService; knowledge: KnowledgeService }> = async (
  app,
  { templates, knowledge },
) => {
  const tags = ['knowledge'];
  app.get(
    '/api/v1/templates',
    { schema: { tags, querystring: TemplateQuery, response: { 200: ReplyTemplateList, ...errors } }, onRequest: app.can('knowledge:read') },
    async (req) => ({ items: await templates.list(req.actor, req.query) }),
  );
  app.post(
    '/api/v1/templates',
    { schema: { tags, body: CreateTemplateBody, response: { 201: ReplyTemplate, ...errors } }, onRequest: app.can('knowledge:admin') },
    async (req, reply) => reply.code(201).send(await templates.create(req.body)),
  );
  app.patch(
    '/api/v1/templates/:id',
    {
      schema: { tags, params, body: UpdateTemplateBody, response: { 200: ReplyTemplate, ...errors } },
      onRequest: app.can('knowledge:admin'),
    },
    async (req) => templates.update(Number(req.params.id), req.body),
  );
  app.delete(
    '/api/v1/templates/:id',
    { schema: { tags, params, response: { 204: Type.Null(), ...errors } }, onRequest: app.can('knowledge:admin') },
    async (req, reply) => {
      await templates.remove(Number(req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/knowledge/search',
    {
      schema: { tags, querystring: KnowledgeSearchQuery, response: { 200: KnowledgeHitList, ...errors } },
      onRequest: app.can('knowledge:read'),
    },
    async (req) => ({ items: await knowledge.search(req.query) }),
  );
  app.get(
    '/api/v1/tickets/:id/similar-cases',
    { schema: { tags, params, response: { 200: KnowledgeHitList, ...errors } }, onRequest: app.can('knowledge:read') },
    async (req) => ({ items: await knowledge.similarCases(req.actor, Number(req.params.id)) }),
  );
  app.get(
    '/api/v1/knowledge/entries',
    {
      schema: { tags, querystring: KnowledgeListQuery, response: { 200: KnowledgeEntryList, ...errors } },
      onRequest: app.can('knowledge:read'),
    },
    async (req) => ({ items: await knowledge.list(req.query) }),
  );
  app.get(
    '/api/v1/knowledge/entries/:id',
    { schema: { tags, params, response: { 200: KnowledgeEntry, ...errors } }, onRequest: app.can('knowledge:read') },
    async (req) => knowledge.get(Number(req.params.id)),
  );
  app.post(
    '/api/v1/knowledge/cases',
    { schema: { tags, body: ProposeCaseBody, response: { 201: KnowledgeEntry, ...errors } }, onRequest: app.can('knowledge:propose_case') },
    async (req, reply) => reply.code(201).send(await knowledge.proposeCase(req.actor, req.body)),
  );
  app.post(
    '/api/v1/knowledge/cases/:id/review',
    {
      schema: { tags, params, body: ReviewCaseBody, response: { 200: KnowledgeEntry, ...errors } },
      onRequest: app.can('knowledge:review_case'),
    },
    async (req) => knowledge.reviewCase(req.actor, Number(req.params.id), req.body),
  );
  app.post(
    '/api/v1/knowledge/articles',
    { schema: { tags, body: CreateArticleBody, response: { 201: KnowledgeEntry, ...errors } }, onRequest: app.can('knowledge:write') },
    async (req, reply) => reply.code(201).send(await knowledge.createArticle(req.actor, req.body)),
  );
  app.patch(
    '/api/v1/knowledge/articles/:id',
    {
      schema: { tags, params, body: UpdateArticleBody, response: { 200: KnowledgeEntry, ...errors } },
      onRequest: app.can('knowledge:write'),
    },
    async (req) => knowledge.updateArticle(Number(req.params.id), req.body),
  );
};
