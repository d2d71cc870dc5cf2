import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, Strict } from '../../../../contracts/common.js';
import {
  Category,
  CategoryCode,
  CreateCategoryBody,
  PutRouteBody,
  Route,
  UpdateCategoryBody,
  UpdateRouteBody,
} from '../../../../contracts/org.js';
import { IfMatchHeaders, ifMatch, withETag } from '../../http.js';
import type { CategoryService } from './service.js';

const CodeParams = Type.Object({ code: CategoryCode }, Strict);
const RouteParams = Type.Object({ categoryCode: CategoryCode }, Strict);
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const categoryRoutes: FastifyPluginAsyncTypebox<{ categories: CategoryService }> = async (app, { categories }) => {
  const tags = ['categories and routing'];

  app.get(
    '/api/v1/categories',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(Category) }), ...errors } }, onRequest: app.can('org:read') },
    async () => ({
      items: await categories.tree(),
    }),
  );
  app.get(
    '/api/v1/categories/:code',
    { schema: { tags, params: CodeParams, response: { 200: Category, ...errors } }, onRequest: app.can('org:read') },
    async (req, reply) => withETag(reply, await categories.get(req.params.code)),
  );
  app.post(
    '/api/v1/categories',
    { schema: { tags, body: CreateCategoryBody, response: { 201: Category, ...errors } }, onRequest: app.can('org:admin') },
    async (req, reply) => withETag(reply.code(201), await categories.create(req.body)),
  );
  app.patch(
    '/api/v1/categories/:code',
    {
      schema: { tags, params: CodeParams, headers: IfMatchHeaders, body: UpdateCategoryBody, response: { 200: Category, ...errors } },
      onRequest: app.can('org:admin'),
    },
    async (req, reply) => withETag(reply, await categories.update(req.params.code, req.body, ifMatch(req))),
  );
  app.delete(
    '/api/v1/categories/:code',
    { schema: { tags, params: CodeParams, response: { 204: Type.Null(), ...errors } }, onRequest: app.can('org:admin') },
    async (req, reply) => {
      await categories.remove(req.params.code);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/routing',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(Route) }), ...errors } }, onRequest: app.can('org:read') },
    async () => ({
      items: await categories.listRoutes(),
    }),
  );
  app.post(
    '/api/v1/routing',
    { schema: { tags, body: PutRouteBody, response: { 200: Route, 201: Route, ...errors } }, onRequest: app.can('org:admin') },
    async (req, reply) => {
      const { route, created } = await categories.putRoute(req.body.categoryCode, req.body.unitCode);
      return withETag(reply.code(created ? 201 : 200), route);
    },
  );
  app.patch(
    '/api/v1/routing/:categoryCode',
    {
      schema: { tags, params: RouteParams, headers: IfMatchHeaders, body: UpdateRouteBody, response: { 200: Route, ...errors } },
      onRequest: app.can('org:admin'),
    },
    async (req, reply) => withETag(reply, await categories.updateRoute(req.params.categoryCode, req.body.unitCode, ifMatch(req))),
  );
  app.delete(
    '/api/v1/routing/:categoryCode',
    { schema: { tags, params: RouteParams, response: { 204: Type.Null(), ...errors } }, onRequest: app.can('org:admin') },
    async (req, reply) => {
      await categories.deleteRoute(req.params.categoryCode);
      return reply.code(204).send(null);
    },
  );
};
