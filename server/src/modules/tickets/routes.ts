import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, Strict } from '../../../../contracts/common.js';
import { PhoneParams } from '../../../../contracts/org.js';
import type { Permission } from '../../../../contracts/permissions.js';
import {
  ActionBodies,
  CreateTicketBody,
  CustomerProfile,
  TicketActions,
  TicketEventList,
  TicketListQuery,
  TicketPage,
  TicketView,
} from '../../../../contracts/tickets.js';
import { IfMatchHeaders, ifMatch, sendSerialised, withETag } from '../../http.js';
import type { Clock } from '../../clock.js';
import { createRepresentationCache } from './representations.js';
import type { TicketService } from './service.js';

const TicketParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 32, description: 'ticket id or number' }) }, Strict);
const CreateHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 128, description: 'a retried create with the same key returns the same ticket' }),
  ),
});
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const ticketRoutes: FastifyPluginAsyncTypebox<{ tickets: TicketService; clock: Clock }> = async (app, { tickets, clock }) => {
  const tags = ['tickets'];
  const representations = createRepresentationCache(clock);

  app.post(
    '/api/v1/tickets',
    {
      schema: { tags, headers: CreateHeaders, body: CreateTicketBody, response: { 201: TicketView, ...errors } },
      onRequest: app.can('ticket:create'),
    },
    async (req, reply) => {
      const { ticket, replayed } = await tickets.create(req.actor, req.body, req.headers['idempotency-key']);
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return withETag(reply.code(201), ticket);
    },
  );

  app.get(
    '/api/v1/tickets',
    { schema: { tags, querystring: TicketListQuery, response: { 200: TicketPage, ...errors } }, onRequest: app.can('ticket:read') },
    async (req) => tickets.list(req.actor, req.query),
  );

  app.get(
    '/api/v1/tickets/:id',
    { schema: { tags, params: TicketParams, response: { 200: TicketView, ...errors } }, onRequest: app.can('ticket:read') },
    async (req, reply) => {
      const probe = await tickets.probe(req.actor, req.params.id);
      const stored = probe && representations.get(probe.key, probe.rev);
      if (stored) return sendSerialised(reply, stored.etag, stored.body);
      const view = await tickets.get(req.actor, req.params.id);
      if (!probe) return withETag(reply, view);
      // serialised by this route's response schema, exactly as a fresh answer would be
      const body = reply.serialize(view) as string;
      representations.set(probe.key, probe.rev, `"${view.version}"`, body);
      return sendSerialised(reply, `"${view.version}"`, body);
    },
  );

  app.get(
    '/api/v1/tickets/:id/events',
    { schema: { tags, params: TicketParams, response: { 200: TicketEventList, ...errors } }, onRequest: app.can('ticket:read') },
    async (req) => tickets.events(req.actor, req.params.id),
  );

  for (const action of TicketActions) {
    app.post(
      `/api/v1/tickets/:id/${action}`,
      {
        schema: {
          tags,
          params: TicketParams,
          headers: IfMatchHeaders,
          body: ActionBodies[action],
          response: { 200: TicketView, ...errors },
        },
        // an action without fields may be posted with no body at all
        preValidation: async (req) => {
          req.body ??= {};
        },
        onRequest: app.can(`ticket:${action}` as Permission),
      },
      async (req, reply) => withETag(reply, await tickets.act(req.actor, req.params.id, action, req.body as never, ifMatch(req))),
    );
  }

  app.get(
    '/api/v1/customers/:phone',
    {
      schema: { tags: ['customers'], params: PhoneParams, response: { 200: CustomerProfile, ...errors } },
      onRequest: app.can('customer:read'),
    },
    async (req) => tickets.customerProfile(req.actor, req.params.phone),
  );
};
