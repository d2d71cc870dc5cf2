import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ApiTokenList, CreateApiTokenBody, IssuedApiToken } from '../../../../contracts/api-tokens.js';
import { ErrorBody, IdParam } from '../../../../contracts/common.js';
import type { ApiTokenService } from './service.js';

const tags = ['api-tokens'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const apiTokenRoutes: FastifyPluginAsyncTypebox<{ tokens: ApiTokenService }> = async (app, { tokens }) => {
  app.post(
    '/api/v1/api-tokens',
    { schema: { tags, body: CreateApiTokenBody, response: { 201: IssuedApiToken, ...errors } }, onRequest: app.can('apitoken:admin') },
    async (req, reply) => reply.code(201).send(await tokens.issue(req.actor, req.body)),
  );
  app.get(
    '/api/v1/api-tokens',
    { schema: { tags, response: { 200: ApiTokenList, ...errors } }, onRequest: app.can('apitoken:admin') },
    () => tokens.list(),
  );
  app.delete(
    '/api/v1/api-tokens/:id',
    {
      schema: { tags, params: Type.Object({ id: IdParam }), response: { 204: { type: 'null' }, ...errors } },
      onRequest: app.can('apitoken:admin'),
    },
    async (req, reply) => {
      await tokens.revoke(Number(req.params.id));
      return reply.code(204).send(null);
    },
  );
};
