import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../contracts/common.js';
import {
  AttachCallBody,
  RepeatCheck,
  RepeatCheckQuery,
  RepeatRate,
  RepeatRateQuery,
  RepeatSettings,
  UpdateRepeatSettings,
} from '../../../../contracts/incidents.js';
import { TicketView } from '../../../../contracts/tickets.js';
import type { TicketService } from '../tickets/index.js';
import type { RepeatService } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const repeatRoutes: FastifyPluginAsyncTypebox<{ repeats: RepeatService; tickets: TicketService }> = async (
  app,
  { repeats, tickets },
) => {
  const tags = ['repeats'];

  app.get(
    '/api/v1/repeats/check',
    { schema: { tags, querystring: RepeatCheckQuery, response: { 200: RepeatCheck, ...errors } }, onRequest: app.can('customer:read') },
    async (req) => repeats.check(req.query.phone, req.query.categoryCode),
  );

  app.post(
    '/api/v1/repeats/attach',
    { schema: { tags, body: AttachCallBody, response: { 200: TicketView, ...errors } }, onRequest: app.can('ticket:note') },
    async (req) => {
      await repeats.attach(req.actor, req.body, await tickets.get(req.actor, req.body.ticket));
      return tickets.get(req.actor, req.body.ticket);
    },
  );

  app.get(
    '/api/v1/repeats/rate',
    { schema: { tags, querystring: RepeatRateQuery, response: { 200: RepeatRate, ...errors } }, onRequest: app.can('stats:read') },
    async (req) => repeats.rate(req.query),
  );

  app.get(
    '/api/v1/repeats/settings',
    { schema: { tags, response: { 200: RepeatSettings, ...errors } }, onRequest: app.can('incident:admin') },
    async () => repeats.settings(),
  );

  app.patch(
    '/api/v1/repeats/settings',
    { schema: { tags, body: UpdateRepeatSettings, response: { 200: RepeatSettings, ...errors } }, onRequest: app.can('incident:admin') },
    async (req) => repeats.saveSettings(req.body),
  );
};
