import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParam, Strict } from '../../../../contracts/common.js';
import {
  DecisionBody,
  Refund,
  RefundBody,
  RefundList,
  RefundListQuery,
  RefundPolicy,
  RejectBody,
  VerificationBody,
} from '../../../../contracts/refunds.js';
import type { RefundService } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const TicketParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 32, description: 'ticket id or number' }) }, Strict);
const RefundParams = Type.Object({ id: IdParam }, Strict);

export const refundRoutes: FastifyPluginAsyncTypebox<{ refunds: RefundService }> = async (app, { refunds }) => {
  const tags = ['refunds'];
  app.post(
    '/api/v1/tickets/:id/refunds',
    {
      schema: { tags, params: TicketParams, body: RefundBody, response: { 201: Refund, ...errors } },
      onRequest: app.can('refund:grant'),
    },
    async (req, reply) => reply.code(201).send(await refunds.request(req.actor, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/tickets/:id/refunds',
    {
      schema: { tags, params: TicketParams, response: { 200: Type.Object({ items: Type.Array(Refund) }), ...errors } },
      onRequest: app.can('ticket:read'),
    },
    async (req) => refunds.forTicket(req.actor, req.params.id),
  );
  app.get(
    '/api/v1/refunds',
    { schema: { tags, querystring: RefundListQuery, response: { 200: RefundList, ...errors } }, onRequest: app.can('refund:audit') },
    async (req) => refunds.list(req.actor, req.query),
  );
  app.get(
    '/api/v1/refunds/export',
    {
      schema: { tags, querystring: RefundListQuery, response: { 200: Type.String({ description: 'CSV, UTF-8 with BOM' }), ...errors } },
      onRequest: app.can('refund:audit'),
    },
    async (req, reply) => {
      const csv = await refunds.csv(req.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="refunds.csv"').send(csv);
    },
  );
  app.post(
    '/api/v1/refunds/:id/approve',
    {
      schema: { tags, params: RefundParams, body: DecisionBody, response: { 200: Refund, ...errors } },
      onRequest: app.can('refund:approve'),
    },
    async (req) => refunds.decide(req.actor, Number(req.params.id), true, req.body),
  );
  app.post(
    '/api/v1/refunds/:id/reject',
    {
      schema: { tags, params: RefundParams, body: RejectBody, response: { 200: Refund, ...errors } },
      onRequest: app.can('refund:approve'),
    },
    async (req) => refunds.decide(req.actor, Number(req.params.id), false, req.body),
  );
  // billing's later check, recorded by the desk from billing's answer
  app.post(
    '/api/v1/refunds/:id/verification',
    {
      schema: { tags, params: RefundParams, body: VerificationBody, response: { 200: Refund, ...errors } },
      onRequest: app.can('refund:verify'),
    },
    async (req) => refunds.verify(req.actor, Number(req.params.id), req.body),
  );
  app.post(
    '/api/v1/refunds/:id/resend',
    {
      schema: { tags, params: RefundParams, response: { 200: Refund, ...errors } },
      preValidation: async (req) => {
        req.body ??= {};
      },
      onRequest: app.can('refund:verify'),
    },
    async (req) => refunds.resend(req.actor, Number(req.params.id)),
  );
  app.get('/api/v1/refunds/policy', { schema: { tags, response: { 200: RefundPolicy, ...errors } }, onRequest: app.signedIn }, async () =>
    refunds.policy(),
  );
  app.put(
    '/api/v1/refunds/policy',
    { schema: { tags, body: RefundPolicy, response: { 200: RefundPolicy, ...errors } }, onRequest: app.can('refund:admin') },
    async (req) => refunds.savePolicy(req.body),
  );
};
