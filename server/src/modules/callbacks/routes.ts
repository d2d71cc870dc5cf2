import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AttemptBody,
  BookCallbackBody,
  Callback,
  CallbackList,
  CallbackQuery,
  CreateSkillGroupBody,
  SkillGroup,
  SkillGroupList,
  UpdateSkillGroupBody,
} from '../../../../contracts/callbacks.js';
import { ErrorBody, IdParam, Strict } from '../../../../contracts/common.js';
import type { CallbackService } from './service.js';
import type { SkillGroupAdmin } from './skill-groups.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const params = Type.Object({ id: IdParam }, Strict);

export const callbackRoutes: FastifyPluginAsyncTypebox<{ callbacks: CallbackService; groups: SkillGroupAdmin }> = async (
  app,
  { callbacks, groups },
) => {
  const tags = ['callbacks'];
  // reference data like units: whoever books chooses from it, the admin screen edits it
  app.get(
    '/api/v1/skill-groups',
    { schema: { tags, response: { 200: SkillGroupList, ...errors } }, onRequest: app.signedIn },
    async () => ({ items: await groups.list() }),
  );
  app.post(
    '/api/v1/skill-groups',
    { schema: { tags, body: CreateSkillGroupBody, response: { 201: SkillGroup, ...errors } }, onRequest: app.can('callback:admin') },
    async (req, reply) => reply.code(201).send(await groups.create(req.body)),
  );
  app.patch(
    '/api/v1/skill-groups/:id',
    {
      schema: { tags, params, body: UpdateSkillGroupBody, response: { 200: SkillGroup, ...errors } },
      onRequest: app.can('callback:admin'),
    },
    async (req) => groups.update(Number(req.params.id), req.body),
  );

  app.post(
    '/api/v1/callbacks',
    { schema: { tags, body: BookCallbackBody, response: { 201: Callback, ...errors } }, onRequest: app.can('callback:book') },
    async (req, reply) => reply.code(201).send(await callbacks.book(req.actor, req.body)),
  );
  app.get(
    '/api/v1/callbacks',
    { schema: { tags, querystring: CallbackQuery, response: { 200: CallbackList, ...errors } }, onRequest: app.can('callback:work') },
    async (req) => ({ items: await callbacks.list(req.actor, req.query) }),
  );
  app.get(
    '/api/v1/callbacks/:id',
    { schema: { tags, params, response: { 200: Callback, ...errors } }, onRequest: app.can('callback:work') },
    async (req) => callbacks.get(req.actor, Number(req.params.id)),
  );
  app.post(
    '/api/v1/callbacks/:id/take',
    { schema: { tags, params, response: { 200: Callback, ...errors } }, onRequest: app.can('callback:work') },
    async (req) => callbacks.take(req.actor, Number(req.params.id)),
  );
  app.post(
    '/api/v1/callbacks/:id/attempts',
    { schema: { tags, params, body: AttemptBody, response: { 200: Callback, ...errors } }, onRequest: app.can('callback:work') },
    async (req) => callbacks.recordAttempt(req.actor, Number(req.params.id), req.body),
  );
};
