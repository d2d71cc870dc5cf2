import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../contracts/common.js';
import { StatsSummary, StatsSummaryQuery, StatsTicketPage, StatsTicketsQuery } from '../../../../contracts/stats.js';
import type { StatsDrilldown } from './drilldown.js';
import type { StatsSummaryService } from './summary.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export const statsRoutes: FastifyPluginAsyncTypebox<{ summary: StatsSummaryService; drilldown: StatsDrilldown }> = async (
  app,
  { summary, drilldown },
) => {
  const tags = ['statistics'];
  app.get(
    '/api/v1/stats/summary',
    { schema: { tags, querystring: StatsSummaryQuery, response: { 200: StatsSummary, ...errors } }, onRequest: app.can('stats:read') },
    async (req) => summary.summary(req.query),
  );
  // every number opens its tickets
  app.get(
    '/api/v1/stats/tickets',
    { schema: { tags, querystring: StatsTicketsQuery, response: { 200: StatsTicketPage, ...errors } }, onRequest: app.can('stats:read') },
    async (req) => drilldown.tickets(req.actor, req.query),
  );
};
