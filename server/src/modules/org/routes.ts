import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParam, Strict } from '../../../../contracts/common.js';
import { CreateUnitBody, CreateUserBody, Role, Unit, UpdateUnitBody, UpdateUserBody, User } from '../../../../contracts/org.js';
import { IfMatchHeaders, ifMatch, withETag } from '../../http.js';
import type { OrgService } from './service.js';

const CodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }) }, Strict);
const UserParams = Type.Object({ id: IdParam }, Strict);
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody };

export const orgRoutes: FastifyPluginAsyncTypebox<{ org: OrgService }> = async (app, { org }) => {
  const tags = ['organisation'];

  app.get(
    '/api/v1/units',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(Unit) }), ...errors } }, onRequest: app.can('org:read') },
    async () => ({
      items: await org.listUnits(),
    }),
  );
  app.post(
    '/api/v1/units',
    { schema: { tags, body: CreateUnitBody, response: { 201: Unit, ...errors } }, onRequest: app.can('org:admin') },
    async (req, reply) => withETag(reply.code(201), await org.createUnit(req.body)),
  );
  app.get(
    '/api/v1/units/:code',
    { schema: { tags, params: CodeParams, response: { 200: Unit, ...errors } }, onRequest: app.can('org:read') },
    async (req, reply) => withETag(reply, await org.unitByCode(req.params.code)),
  );
  app.patch(
    '/api/v1/units/:code',
    {
      schema: { tags, params: CodeParams, headers: IfMatchHeaders, body: UpdateUnitBody, response: { 200: Unit, ...errors } },
      onRequest: app.can('org:admin'),
    },
    async (req, reply) => withETag(reply, await org.updateUnit(req.params.code, req.body, ifMatch(req))),
  );
  app.delete(
    '/api/v1/units/:code',
    { schema: { tags, params: CodeParams, response: { 204: Type.Null(), ...errors } }, onRequest: app.can('org:admin') },
    async (req, reply) => {
      await org.deleteUnit(req.params.code);
      return reply.code(204).send(null);
    },
  );

  const UserQuery = Type.Object(
    { role: Type.Optional(Role), unit: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' })) },
    Strict,
  );
  app.get(
    '/api/v1/users',
    {
      schema: { tags, querystring: UserQuery, response: { 200: Type.Object({ items: Type.Array(User) }), ...errors } },
      onRequest: app.can('org:read'),
    },
    async (req) => ({
      items: await org.listUsers({ role: req.query.role, unitCode: req.query.unit }),
    }),
  );
  app.post(
    '/api/v1/users',
    { schema: { tags, body: CreateUserBody, response: { 201: User, ...errors } }, onRequest: app.can('org:admin') },
    async (req, reply) => withETag(reply.code(201), await org.createUser(req.body)),
  );
  app.get(
    '/api/v1/users/:id',
    { schema: { tags, params: UserParams, response: { 200: User, ...errors } }, onRequest: app.can('org:read') },
    async (req, reply) => withETag(reply, await org.userById(Number(req.params.id))),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: { tags, params: UserParams, headers: IfMatchHeaders, body: UpdateUserBody, response: { 200: User, ...errors } },
      onRequest: app.can('org:admin'),
    },
    async (req, reply) => withETag(reply, await org.updateUser(Number(req.params.id), req.body, ifMatch(req))),
  );
  // Staff are never erased: their names stay on the tickets they handled. Deleting disables the account.
  app.delete(
    '/api/v1/users/:id',
    { schema: { tags, params: UserParams, response: { 204: Type.Null(), ...errors } }, onRequest: app.can('org:admin') },
    async (req, reply) => {
      await org.deactivateUser(Number(req.params.id));
      return reply.code(204).send(null);
    },
  );
};
